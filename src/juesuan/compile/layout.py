"""The workbook layout shared by the template writer and the reader.

Everything the reader looks for — sheet names, section titles, header labels — is defined
here once, so what the template writes is exactly what the reader understands.  The reader
finds sections and columns by these labels, never by fixed row or column numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from juesuan.model.extras import Assets, Extras, PerfSummary, Procurement, SanGongCounts
from juesuan.model.tables import TableId

INSTRUCTIONS_SHEET = "填写说明"
INFO_SHEET = "基本信息"
PROFILE_SHEET = "部门概况"
EXTRAS_SHEET = "补充数据"
PERF_SHEET = "绩效自评表"
PERF_SUMMARY_SHEET = "绩效汇总"
# The last sheet of ``juesuan parse --format xlsx`` (the recovered tables, for viewing): a
# workbook with it and without 基本信息 is that output, not a compile workbook.
RECOVERED_FACTS_SHEET = "事实"

TABLE_SHEETS: dict[TableId, str] = {
    "01": "公开01 收入支出决算总表",
    "02": "公开02 收入决算表",
    "03": "公开03 支出决算表",
    "04": "公开04 财政拨款收入支出决算总表",
    "05": "公开05 一般公共预算财政拨款支出决算表",
    "06": "公开06 一般公共预算财政拨款基本支出决算明细表",
    "07": "公开07 政府性基金预算财政拨款收入支出决算表",
    "08": "公开08 国有资本经营预算财政拨款支出决算表",
    "09": "公开09 三公经费",
}

MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "0"
TEXT_FORMAT = "@"

CODE_HEADERS = ("科目编码", "科目代码", "功能分类科目编码", "经济分类科目编码")
NAME_HEADERS = ("科目名称", "功能分类科目名称", "经济分类科目名称")
LINE_HEADER = "行次"
ITEM_HEADER = "项目"
COLUMN_NO_LABEL = "栏次"
SANGONG_ROW_LABEL = "“三公”经费"

# ---------------------------------------------------------------- 基本信息

Kind = Literal["text", "int", "num", "bool", "choice"]


@dataclass(frozen=True)
class InfoField:
    label: str
    field: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    note: str = ""


TEMPLATE_CHOICES: dict[str, str] = {
    "全国通用": "national",
    "上海": "shanghai",
    "其他": "other",
    "national": "national",
    "shanghai": "shanghai",
    "other": "other",
}

INFO_FIELDS: tuple[InfoField, ...] = (
    InfoField("单位名称", "unit_name", "text", True, note="部门（单位）全称，如：某某市医疗保障局"),
    InfoField("决算年度", "fiscal_year", "int", True, note="四位数字年份，如 2023"),
    InfoField("决算范围", "scope", "choice", False, ("汇总", "本级", "单位"), "部门汇总或本级"),
    InfoField(
        "金额单位", "amount_unit", "choice", False, ("万元", "元"), "一般为万元，保留两位小数"
    ),
    InfoField("模板", "template", "choice", False, ("全国通用", "上海", "其他"), "公开表格式"),
    InfoField("地区", "region", "text", note="省/市/县，如：河北省秦皇岛市"),
    InfoField("预算代码", "budget_code", "text", note="按文本填写，保留前导零"),
)

# ---------------------------------------------------------------- 部门概况

DUTIES_SECTION = "部门职责"
DEPARTMENTS_SECTION = "内设机构"
UNITS_SECTION = "决算单位构成"
STAFF_SECTION = "人员情况"
PROFILE_SECTIONS = (DUTIES_SECTION, DEPARTMENTS_SECTION, UNITS_SECTION, STAFF_SECTION)
ITEM_COLUMN = "内容"
SEQ_COLUMN = "序号"
UNIT_COLUMNS = ("单位名称", "单位基本性质", "经费形式")
UNIT_NATURES = ("行政单位", "参公事业单位", "财政补助事业单位", "经费自理事业单位", "其他")
FUNDING_FORMS = (
    "财政拨款",
    "财政性资金基本保证",
    "财政性资金定额或定项补助",
    "财政性资金零补助",
    "其他",
)

# ---------------------------------------------------------------- 补充数据

COMPARE_SECTION = "收支对比"
COMPARE_COLUMNS = (
    "事项键",
    "事项",
    "上年决算数",
    "年初预算数",
    "全年预算数",
    "变动原因",
    "预算差异原因",
)
ITEM_BUDGET_SECTION = "功能分类科目预算"
ITEM_BUDGET_COLUMNS = ("功能分类编码", "科目名称", "年初预算数", "全年预算数", "差异原因")
VEHICLE_SECTION = "车辆分类"
VEHICLE_COLUMNS = ("车辆类别", "数量")
VEHICLE_CATEGORIES = (
    "主要领导干部用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部服务用车",
    "其他用车",
)
GRADE_SECTION = "各等级项目数"
GRADE_COLUMNS = ("等级", "项目数")
GRADES = ("优", "良", "中", "差")
KV_COLUMNS = ("项目", "数值", "说明")
BOOL_CHOICES = ("是", "否")


@dataclass(frozen=True)
class KvField:
    field: str
    kind: Kind
    note: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class KvSection:
    """A label/value section of 补充数据, filling one sub-model of ``Extras``."""

    title: str
    target: str  # attribute of Extras ("" = Extras itself)
    model: type[BaseModel]
    fields: tuple[KvField, ...]

    def label(self, f: KvField) -> str:
        title = self.model.model_fields[f.field].title
        return title if title is not None else f.field


_COUNT = "个数/次数"
KV_SECTIONS: tuple[KvSection, ...] = (
    KvSection(
        "“三公”经费数量",
        "sangong_counts",
        SanGongCounts,
        (
            KvField("abroad_groups", "int", "个"),
            KvField("abroad_people", "int", "人次"),
            KvField("vehicles_purchased", "int", "辆"),
            KvField("vehicles_held", "int", "辆"),
            KvField("reception_batches", "int", "批次"),
            KvField("reception_people", "int", "人次"),
            KvField("foreign_reception_batches", "int", "批次"),
            KvField("foreign_reception_people", "int", "人次"),
            KvField("foreign_reception_amount", "num", "万元"),
            KvField("domestic_reception_amount", "num", "万元"),
        ),
    ),
    KvSection("机关运行经费", "", Extras, (KvField("office_running", "num", "万元"),)),
    KvSection(
        "政府采购",
        "procurement",
        Procurement,
        (
            KvField("total", "num", "万元"),
            KvField("goods", "num", "万元"),
            KvField("works", "num", "万元"),
            KvField("services", "num", "万元"),
            KvField("sme_amount", "num", "万元"),
            KvField("sme_share", "num", "%"),
            KvField("small_micro_amount", "num", "万元"),
            KvField("small_micro_share", "num", "%"),
            KvField(
                "small_micro_denominator",
                "choice",
                "小微企业占比按哪个金额计算",
                ("采购总额", "中小企业合同金额"),
            ),
        ),
    ),
    KvSection(
        "国有资产",
        "assets",
        Assets,
        (
            KvField("vehicles_total", "int", "辆（分类数填下方【车辆分类】）"),
            KvField("equipment_over_1m", "int", "台（套）"),
            KvField("special_equipment_over_1m", "int", "台（套）"),
        ),
    ),
    KvSection(
        "预算绩效",
        "performance",
        PerfSummary,
        (
            KvField("projects_evaluated", "int", "个"),
            KvField("funds_covered", "num", "万元"),
            KvField("share_of_project_expense", "num", "%"),
            KvField("department_evaluated", "bool", "是/否", BOOL_CHOICES),
            KvField("department_score", "num", "分"),
            KvField("average_score", "num", "分"),
        ),
    ),
)

# ---------------------------------------------------------------- 绩效自评表 / 绩效汇总

PERF_INFO_SECTION = "项目信息"
PERF_INFO_COLUMNS = (
    "项目名称",
    "类型",
    "主管部门",
    "实施单位",
    "年度",
    "预算执行率分值",
    "预算执行率得分",
    "总分",
    "评价等级",
    "评分规则",
    "存在问题及整改措施",
)
PERF_KINDS = {
    "项目": "project",
    "部门整体": "department",
    "project": "project",
    "department": "department",
}
PERF_FUNDING_SECTION = "资金情况"
PERF_FUNDING_COLUMNS = (
    "项目名称",
    "资金来源",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率（%）",
    "得分",
)
FUNDING_SOURCES = ("年度资金总额", "其中：财政拨款", "其他资金")
PERF_GOAL_SECTION = "年度总体目标"
PERF_GOAL_COLUMNS = ("项目名称", "年度预期目标", "实际完成情况", "完成率（%）")
PERF_INDICATOR_SECTION = "绩效指标"
PERF_INDICATOR_COLUMNS = (
    "项目名称",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标说明",
    "分值",
    "符号",
    "年度指标值",
    "计量单位",
    "实际完成值",
    "完成情况",
    "得分",
    "偏差度（%）",
    "偏差原因及改进措施",
)
# Optional numeric columns (the filled workbook adds them after 偏差原因及改进措施): the figure
# of 年度指标值 / 实际完成值 when the text alone cannot carry it ("3000人", "95%" as 95.00).
PERF_INDICATOR_VALUE_COLUMNS = {
    "年度指标值": "年度指标值（数值）",
    "实际完成值": "实际完成值（数值）",
}
LEVEL1_CHOICES = ("产出指标", "效益指标", "满意度指标", "成本指标", "资金管理指标")
OPERATORS = ("≥", "≤", "=", ">", "<", "文字描述")
OPERATOR_ALIASES = {">=": "≥", "<=": "≤", "＝": "=", "≧": "≥", "≦": "≤"}
PERF_SECTIONS = (
    PERF_INFO_SECTION,
    PERF_FUNDING_SECTION,
    PERF_GOAL_SECTION,
    PERF_INDICATOR_SECTION,
)

SUMMARY_COLUMNS = (
    "项目名称",
    "全年预算数",
    "全年执行数",
    "预算执行率（%）",
    "产出指标得分率（%）",
    "效益指标得分率（%）",
    "满意度指标得分率（%）",
    "自评得分",
    "评价结果",
)
CATEGORY_RATE_SUFFIX = "得分率(%)"  # compared after normalisation (NFKC)
