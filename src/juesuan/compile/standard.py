"""Standard row lists for the template: the 26 function classes and the economic 类/款.

The classification catalog (``juesuan.catalog``) is the authority; when it is not available
(or lacks a year) these fallbacks — taken from the 2023 national catalog and the 公开06 table
of a real 2023 disclosure — are used instead.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

# 2023–2024 支出功能分类 类, in the order of 公开01/04.
FUNCTION_CLASSES: tuple[tuple[str, str], ...] = (
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
)

# 部门预算支出经济分类 类/款 as printed in 公开06 (人员经费 first, then 公用经费).
ECONOMIC_ITEMS: tuple[tuple[str, str], ...] = (
    ("301", "工资福利支出"),
    ("30101", "基本工资"),
    ("30102", "津贴补贴"),
    ("30103", "奖金"),
    ("30106", "伙食补助费"),
    ("30107", "绩效工资"),
    ("30108", "机关事业单位基本养老保险缴费"),
    ("30109", "职业年金缴费"),
    ("30110", "职工基本医疗保险缴费"),
    ("30111", "公务员医疗补助缴费"),
    ("30112", "其他社会保障缴费"),
    ("30113", "住房公积金"),
    ("30114", "医疗费"),
    ("30199", "其他工资福利支出"),
    ("303", "对个人和家庭的补助"),
    ("30301", "离休费"),
    ("30302", "退休费"),
    ("30303", "退职(役)费"),
    ("30304", "抚恤金"),
    ("30305", "生活补助"),
    ("30306", "救济费"),
    ("30307", "医疗费补助"),
    ("30308", "助学金"),
    ("30309", "奖励金"),
    ("30310", "个人农业生产补贴"),
    ("30311", "代缴社会保险费"),
    ("30399", "其他对个人和家庭的补助"),
    ("302", "商品和服务支出"),
    ("30201", "办公费"),
    ("30202", "印刷费"),
    ("30203", "咨询费"),
    ("30204", "手续费"),
    ("30205", "水费"),
    ("30206", "电费"),
    ("30207", "邮电费"),
    ("30208", "取暖费"),
    ("30209", "物业管理费"),
    ("30211", "差旅费"),
    ("30212", "因公出国(境)费用"),
    ("30213", "维修(护)费"),
    ("30214", "租赁费"),
    ("30215", "会议费"),
    ("30216", "培训费"),
    ("30217", "公务接待费"),
    ("30218", "专用材料费"),
    ("30224", "被装购置费"),
    ("30225", "专用燃料费"),
    ("30226", "劳务费"),
    ("30227", "委托业务费"),
    ("30228", "工会经费"),
    ("30229", "福利费"),
    ("30231", "公务用车运行维护费"),
    ("30239", "其他交通费用"),
    ("30240", "税金及附加费用"),
    ("30299", "其他商品和服务支出"),
    ("307", "债务利息及费用支出"),
    ("30701", "国内债务付息"),
    ("30702", "国外债务付息"),
    ("310", "资本性支出"),
    ("31001", "房屋建筑物购建"),
    ("31002", "办公设备购置"),
    ("31003", "专用设备购置"),
    ("31005", "基础设施建设"),
    ("31006", "大型修缮"),
    ("31007", "信息网络及软件购置更新"),
    ("31008", "物资储备"),
    ("31009", "土地补偿"),
    ("31010", "安置补助"),
    ("31011", "地上附着物和青苗补偿"),
    ("31012", "拆迁补偿"),
    ("31013", "公务用车购置"),
    ("31019", "其他交通工具购置"),
    ("31021", "文物和陈列品购置"),
    ("31022", "无形资产购置"),
    ("31099", "其他资本性支出"),
    ("312", "对企业补助"),
    ("31201", "资本金注入"),
    ("31203", "政府投资基金股权投资"),
    ("31204", "费用补贴"),
    ("31205", "利息补贴"),
    ("31299", "其他对企业补助"),
    ("399", "其他支出"),
    ("39907", "国家赔偿费用支出"),
    ("39908", "对民间非营利组织和群众性自治组织补贴"),
    ("39909", "经常性赠与"),
    ("39910", "资本性赠与"),
    ("39999", "其他支出"),
)


def _catalog_function(name: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("juesuan.catalog")
    except ImportError:  # pragma: no cover - the package always exists
        return None
    func = getattr(module, name, None)
    return func if callable(func) else None


def _pairs(items: Iterable[Any]) -> list[tuple[str | None, str]]:
    """Normalise what a catalog returns (names, (code, name) pairs or objects) to pairs."""
    out: list[tuple[str | None, str]] = []
    for item in items:
        if isinstance(item, str):
            out.append((None, item))
        elif isinstance(item, tuple | list) and len(item) >= 2:
            out.append((str(item[0]), str(item[1])))
        elif hasattr(item, "name"):
            code = getattr(item, "code", None)
            out.append((str(code) if code is not None else None, str(item.name)))
    return out


def _from_catalog(func_name: str, year: int) -> list[tuple[str | None, str]] | None:
    func = _catalog_function(func_name)
    if func is None:
        return None
    try:
        pairs = _pairs(func(year))
    except Exception:  # the catalog may not know the year: fall back
        return None
    return pairs or None


def function_classes(year: int) -> list[tuple[str | None, str]]:
    """The 类 rows of 公开01/04 for ``year`` as (code, name)."""
    pairs = _from_catalog("table01_expense_classes", year)
    if pairs is None:
        return list(FUNCTION_CLASSES)
    known = dict((name, code) for code, name in FUNCTION_CLASSES)
    return [(code or known.get(name), name) for code, name in pairs]


ECONOMIC_CLASS_ORDER = ("301", "303", "302", "307", "310", "312", "399")


def _economic_from_catalog(year: int) -> list[tuple[str | None, str]] | None:
    """类 and their 款 from the catalog, in the 公开06 order (人员经费, then 公用经费)."""
    catalog_class = getattr(importlib.import_module("juesuan.catalog"), "Catalog", None)
    if catalog_class is None:
        return None
    try:
        catalog = catalog_class.load_builtin()
        out: list[tuple[str | None, str]] = []
        for code in ECONOMIC_CLASS_ORDER:
            entry = catalog.get(code, year)
            if entry is None:
                return None
            out.append((str(entry.code), str(entry.name)))
            out.extend((str(c.code), str(c.name)) for c in catalog.children(code, year))
    except Exception:  # a catalog without the year (or a changed API): fall back
        return None
    return out


def economic_items(year: int) -> list[tuple[str | None, str]]:
    """The pre-filled rows of 公开06 for ``year`` as (code, name)."""
    pairs = _economic_from_catalog(year)
    return pairs if pairs else list(ECONOMIC_ITEMS)


def class_code(name: str, year: int | None) -> str | None:
    """The 3-digit code of a function class printed by name in 公开01/04, if known."""
    classes = function_classes(year) if year is not None else list(FUNCTION_CLASSES)
    for code, class_name in classes:
        if class_name == name:
            return code
    for code, class_name in FUNCTION_CLASSES:
        if class_name == name:
            return code
    return None
