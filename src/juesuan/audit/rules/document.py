"""F rules about the document as a whole: duplicated or image tables, cover, titles, names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from juesuan.audit.context import AuditContext
from juesuan.audit.registry import rule
from juesuan.model import Finding, Prov


@rule(
    code="F0106",
    family="form",
    severity="error",
    title="同一张表印了两次",
    explanation="""
        同一张公开表在文件中出现两次：内容相同只是重复（警告，只计一次）；内容不同则
        读者无法知道哪一份为准（错误）。

        例：公开06表在第313行和第360行各印一次，两份的 30101 基本工资不同 → 错误。
    """,
)
def duplicated_tables(ctx: AuditContext) -> Iterator[Finding]:
    for notice in ctx.disclosure.notices:
        if notice.kind in ("duplicate_table", "different_copy"):
            different = notice.kind == "different_copy"
            yield Finding(
                code="F0106",
                severity="error" if different else "warning",
                message=notice.message,
                location=notice.location or ctx.document_prov(),
                expected="只印一份",
                actual="两份内容不同" if different else "重复一份",
            )


@rule(
    code="F0107",
    family="form",
    severity="info",
    title="表格是图片，文字中没有数字",
    explanation="""
        文件里有公开表的标题，其下却没有可读的表格（多为插入的图片或扫描件）。这样的
        表无法被检索和核对，情况说明中的数字也就无从比对；应以文字表格公开。

        例：“收入支出决算总表”标题下只有一张图片 → 提示。
    """,
)
def image_tables(ctx: AuditContext) -> Iterator[Finding]:
    seen: set[str | None] = set()
    for notice in ctx.disclosure.notices:
        if notice.kind == "image_table" and notice.location is not None:
            table = notice.location.table
            if table in seen or (table and table in ctx.disclosure.tables):
                continue
            seen.add(table)
            yield Finding(
                code="F0107",
                severity="info",
                message=notice.message,
                location=notice.location,
            )


_BUDGET_WORD = re.compile(r"预算(公开|文本|报告)|部门预算$")


@rule(
    code="F0201",
    family="form",
    severity="error",
    title="决算文件的封面或标题写成“预算”",
    explanation="""
        文件的表格和说明都是决算，封面或总标题却写成“部门预算公开文本”之类：错误。

        例：封面“2023 年度 部门预算公开文本”，正文为九张决算表 → 错误（应为“部门决算”）。
    """,
)
def cover_says_budget(ctx: AuditContext) -> Iterator[Finding]:
    d = ctx.disclosure
    if "决算" not in (d.meta.document_kind or "") or not d.tables:
        return
    for title in d.narrative.titles:
        if title.kind != "封面":
            continue
        text = title.heading.replace(" ", "")
        if _BUDGET_WORD.search(text) and "决算" not in text:
            yield Finding(
                code="F0201",
                severity="error",
                message=f"封面写作“{title.heading}”，而本文件是部门决算",
                location=Prov(
                    file=d.meta.source_file,
                    page=title.page,
                    line=title.line_start,
                    text=title.heading,
                ),
                expected="部门决算",
                actual=title.heading,
            )


_TITLE_YEAR = re.compile(r"(20\d{2})\s*年度?")
_TITLE_WORDS = re.compile(r"决算|绩效|评价|自评|报告|情况说明")


@rule(
    code="F0202",
    family="form",
    severity="warning",
    title="标题中的年度与决算年度不符",
    explanation="""
        决算说明、附件和报告的标题应写决算年度（报告所属年度）。标题写成别的年度多半是
        套用往年或下一年的模板。出版日期、文号不在此列。

        例：2022 年度决算的附件标题为“2023年部门整体绩效评价报告” → 警告。
    """,
)
def title_years(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.year
    if year is None:
        return
    headings = [*ctx.disclosure.narrative.titles, *ctx.disclosure.narrative.sections]
    seen: set[tuple[int | None, str]] = set()
    for title in headings:
        text = title.heading
        if not _TITLE_WORDS.search(text) or (title.line_start, text) in seen:
            continue
        seen.add((title.line_start, text))
        for m in _TITLE_YEAR.finditer(text):
            printed = int(m.group(1))
            if printed != year and "相比" not in text and "对比" not in text:
                yield Finding(
                    code="F0202",
                    severity="warning",
                    message=f"{year} 年度决算中的标题“{text}”写的是 {printed} 年",
                    location=Prov(
                        file=ctx.disclosure.meta.source_file,
                        page=title.page,
                        line=title.line_start,
                        text=text,
                    ),
                    expected=str(year),
                    actual=str(printed),
                )


@rule(
    code="F0203",
    family="form",
    severity="warning",
    title="单位名称前后写法不一",
    explanation="""
        同一个单位的名称在文件中应当一致。只差一两个字的写法（多为 OCR 识别错误或录入
        错误，如“湟源县”写成“潢川县”“镇源县”）逐处列出；名称中间少了区、县一级（把
        “上海市普陀区规划和自然资源局”写成“上海市规划和自然资源局”，成了上级部门的名称，
        多为套用上级模板）也逐处列出。省去开头的省、市名（“普陀区财政局”）是通常的简称，
        不算不一致。

        例：文件单位为“湟源县医疗保障局”，某张自评表主管部门印为“潢川县医疗保障局” → 警告。
    """,
)
def unit_name_variants(ctx: AuditContext) -> Iterator[Finding]:
    name = ctx.disclosure.meta.unit_name
    if not name:
        return
    seen: set[str] = set()
    for mention in ctx.disclosure.narrative.unit_mentions:
        other = (mention.text or "").strip()
        if not other or other == name or other in seen:
            continue
        dropped = _dropped_level(name, other)
        if dropped is None and not _near(name, other):
            continue
        seen.add(other)
        message = (
            f"单位名称写作“{other}”，比“{name}”少了“{dropped}”，成了上级部门的名称（疑为套用模板）"
            if dropped is not None
            else f"单位名称写作“{other}”，与“{name}”相差一两个字（疑似识别或录入错误）"
        )
        yield Finding(
            code="F0203",
            severity="warning",
            message=message,
            location=mention,
            expected=name,
            actual=other,
        )


def _near(a: str, b: str) -> bool:
    """Same length (±1) and at most two characters differ: a garbled copy, not another unit."""
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return 0 < sum(x != y for x, y in zip(a, b, strict=True)) <= 2
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:区|县|市|旗|州|盟)")


def _dropped_level(name: str, other: str) -> str | None:
    """The 区/县 level ``other`` leaves out of the middle of ``name`` (上海市[普陀区]规划…局)."""
    if len(other) >= len(name) or len(other) < 4:
        return None
    for m in _LEVEL.finditer(name):
        if m.start() > 0 and name[: m.start()] + name[m.end() :] == other:
            return m.group(0)
    return None


@rule(
    code="F0204",
    family="form",
    severity="warning",
    title="缺少情况说明或名词解释",
    explanation="""
        部门决算公开应包括部门概况、决算表、情况说明和名词解释。文件中有决算表却找不到
        “情况说明”或“名词解释”部分时警告。

        例：文件只有九张表而没有“部门决算情况说明” → 警告。
    """,
)
def required_sections(ctx: AuditContext) -> Iterator[Finding]:
    d = ctx.disclosure
    if not d.tables or "决算" not in (d.meta.document_kind or "") or d.meta.source_file is None:
        return
    if d.meta.source_file.lower().endswith((".xlsx", ".xlsm", ".yaml", ".yml", ".json")):
        return  # compile-side inputs carry no narrative: `juesuan build` writes it
    kinds = {s.kind for s in d.narrative.sections}
    for kind, what in (("情况说明", "部门决算情况说明"), ("名词解释", "名词解释")):
        if kind not in kinds:
            yield Finding(
                code="F0204",
                severity="warning",
                message=f"文件中找不到“{what}”部分",
                location=ctx.document_prov(),
                expected=f"有“{what}”",
                actual="缺失",
            )
