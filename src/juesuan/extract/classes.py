"""Names of the 支出功能分类 类 (3-digit classes) as printed in tables 01 and 04.

A small fixed list used to give the class rows of 01/04 (printed by name only) their code.
It covers the 2023–2025 catalogue (class level only; the versioned catalogue of
``juesuan.catalog`` is the reference for 款/项).  An unknown name keeps no code and the
extractor raises a notice.
"""

from __future__ import annotations

from juesuan.extract.norm import norm

FUNCTION_CLASSES: dict[str, str] = {
    "一般公共服务支出": "201",
    "外交支出": "202",
    "国防支出": "203",
    "公共安全支出": "204",
    "教育支出": "205",
    "科学技术支出": "206",
    "文化旅游体育与传媒支出": "207",
    "社会保障和就业支出": "208",
    "社会保险基金支出": "209",
    "卫生健康支出": "210",
    "节能环保支出": "211",
    "城乡社区支出": "212",
    "农林水支出": "213",
    "交通运输支出": "214",
    "资源勘探工业信息等支出": "215",
    "商业服务业等支出": "216",
    "金融支出": "217",
    "援助其他地区支出": "219",
    "自然资源海洋气象等支出": "220",
    "住房保障支出": "221",
    "粮油物资储备支出": "222",
    "国有资本经营预算支出": "223",
    "灾害防治及应急管理支出": "224",
    "预备费": "227",
    "其他支出": "229",
    "转移性支出": "230",
    "债务还本支出": "231",
    "债务付息支出": "232",
    "债务发行费用支出": "233",
    "抗疫特别国债安排的支出": "234",
}
_BY_NORM = {norm(k): v for k, v in FUNCTION_CLASSES.items()}


def class_code(name: str) -> str | None:
    """The 3-digit code of a function class printed by name (``卫生健康支出`` → ``210``)."""
    n = norm(name)
    code = _BY_NORM.get(n)
    if code is None and not n.endswith("支出"):
        code = _BY_NORM.get(n + "支出")
    return code
