"""Extract the narrative's claims: every amount, share, change, rate, count and direction word.

The narrative (情况说明) is read section by section.  A section's heading sets the context
(收入, 财政拨款, “三公”, 机关运行经费 …).  Inside a sentence every number is attached to the
last subject named before it (or the sentence's carried subject) and classified by the words
in front of it: ``占…`` → share, ``增加/减少`` → change, ``完成…预算的`` → completion rate,
``年初预算为`` → budget amount.  Each claim keeps its line and character span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from juesuan.extract.claim_names import NameIndex, norm
from juesuan.model import Claim, Num, Prov
from juesuan.model.memo import text_cache
from juesuan.model.narrative import Direction

_STRIP = re.compile(r"\[bookmark:[^\]]*\]|<[^>]{1,40}>|\*\*|^#+\s*|^\s*-\s+")
_HEADING = re.compile(
    r"^\s*(第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]"
    r"|\d{1,2}、)"
)
_NUMBER = re.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万元|亿元|元|%|个|辆|人次|批次|台\(套\)|台|人|次|分)?"
)
_INC = ("增加", "增长", "提高", "上升", "多", "增")
_DEC = ("减少", "下降", "降低", "节约", "少", "减")
_DIRECTION = re.compile(r"(增加|增长|提高|上升|减少|下降|降低|节约|持平|大于|小于|多于|少于|超过)")
_PLACEHOLDER = re.compile(
    r"(增长|下降|增加|减少|上升|降低)\((增长|下降|增加|减少|上升|降低)\)|[X×]{2,}|【[^】]{0,12}】"
)
_YEAR_CMP = re.compile(r"(?:与|比|较|同)\s*(\d{4})\s*年度?(?:决算)?(?:数)?(?:相比|对比)?")

# (phrase, subject key or a scope template with {s}); longest phrases are tried first.
_PHRASES: list[tuple[str, str]] = [
    ("一般公共预算财政拨款基本支出", "general.basic"),
    ("一般公共预算财政拨款项目支出", "general.project"),
    ("一般公共预算财政拨款本年收入", "general.income"),
    ("一般公共预算财政拨款收入", "general.income"),
    ("一般公共预算财政拨款支出", "general.expense"),
    ("一般公共预算支出", "general.expense"),
    ("政府性基金预算财政拨款本年收入", "fund.income"),
    ("政府性基金预算财政拨款收入", "fund.income"),
    ("政府性基金预算财政拨款支出", "fund.expense"),
    ("国有资本经营预算财政拨款本年收入", "capital.income"),
    ("国有资本经营预算财政拨款收入", "capital.income"),
    ("国有资本经营预算财政拨款支出", "capital.expense"),
    ("财政拨款收、支总计", "fiscal.total"),
    ("财政拨款收支总计", "fiscal.total"),
    ("财政拨款本年收入", "fiscal.income"),
    ("财政拨款本年支出", "fiscal.expense"),
    ("财政拨款支出", "{s}.expense"),
    ("财政拨款收入", "income.fiscal"),
    ("财政拨款收入支出总计", "fiscal.total"),
    ("收入支出总计", "{t}"),
    ("收、支总计", "{t}"),
    ("收支总计", "{t}"),
    ("本年收入合计", "income.total"),
    ("收入合计", "income.total"),
    ("本年支出合计", "expense.total"),
    ("支出合计", "expense.total"),
    ("上级补助收入", "income.superior"),
    ("事业收入", "income.business"),
    ("经营收入", "income.operating"),
    ("附属单位上缴收入", "income.affiliated"),
    ("其他收入", "income.other"),
    ("上缴上级支出", "expense.upper"),
    ("经营支出", "expense.operating"),
    ("对附属单位补助支出", "expense.subsidiary"),
    ("基本支出", "{b}.basic"),
    ("项目支出", "{b}.project"),
    ("本年收入", "{s}.income"),
    ("本年支出", "{s}.expense"),
    ("人员经费", "personnel"),
    ("公用经费", "public"),
    ("“三公”经费", "sangong.total"),
    ('"三公"经费', "sangong.total"),
    ("三公经费", "sangong.total"),
    ("因公出国(境)经费", "sangong.abroad"),
    ("因公出国(境)费用", "sangong.abroad"),
    ("因公出国(境)费", "sangong.abroad"),
    ("公务用车购置及运行维护费", "sangong.vehicle"),
    ("公务用车购置及运行费", "sangong.vehicle"),
    ("公务用车购置费", "sangong.vehicle_purchase"),
    ("公务用车购置支出", "sangong.vehicle_purchase"),
    ("公务用车购置", "sangong.vehicle_purchase"),
    ("公务用车运行维护费", "sangong.vehicle_operation"),
    ("公车运行维护费", "sangong.vehicle_operation"),
    ("公务用车运行维护支出", "sangong.vehicle_operation"),
    ("公务用车运行维护", "sangong.vehicle_operation"),
    ("公务接待费", "sangong.reception"),
    ("国内公务接待支出", "sangong.reception_domestic"),
    ("国内公务接待费", "sangong.reception_domestic"),
    ("外宾接待支出", "sangong.reception_foreign"),
    ("外宾接待费", "sangong.reception_foreign"),
    ("外事接待支出", "sangong.reception_foreign"),
    ("机关运行经费", "office_running"),
    ("机关运行费用", "office_running"),
    ("政府采购支出总额", "procurement.total"),
    ("政府采购货物支出", "procurement.goods"),
    ("政府采购工程支出", "procurement.works"),
    ("政府采购服务支出", "procurement.services"),
    ("授予中小企业合同金额", "procurement.sme"),
    ("授予小微企业合同金额", "procurement.small_micro"),
    ("涉及一般公共预算支出", "perf.funds"),
    ("涉及预算资金", "perf.funds"),
    ("涉及资金", "perf.funds"),
]
_PHRASE_RE = re.compile(
    "|".join(re.escape(p) for p, _ in sorted(_PHRASES, key=lambda x: -len(x[0])))
)
_PHRASE_KEY = dict(_PHRASES)
_PATH = re.compile(
    r"(?P<cls>[^，。；：:,;、.\d()]{2,16}?)\(类\)(?P<kuan>[^，。；：:,;.\d]{2,30}?)\(款\)"
    r"(?P<xiang>[^，。；：:,;.\d]{2,30}?)\(项\)"
)

# Section heading → (scope of 本年收入/支出, scope of 基本/项目支出, 收支总计 key, default subject)
_CONTEXTS: list[tuple[str, tuple[str, str, str, str | None]]] = [
    ("三公", ("general", "general", "total", "sangong.total")),
    ("机关运行", ("general", "general", "total", "office_running")),
    ("政府采购", ("general", "general", "total", "procurement.total")),
    ("国有资产", ("general", "general", "total", None)),
    ("资产占", ("general", "general", "total", None)),
    ("绩效", ("general", "general", "total", None)),
    ("政府性基金", ("fund", "fund", "total", "fund.expense")),
    ("国有资本经营", ("capital", "capital", "total", "capital.expense")),
    ("基本支出", ("general", "general", "total", "general.basic")),
    ("一般公共预算", ("general", "general", "total", "general.expense")),
    ("财政拨款", ("fiscal", "expense", "fiscal.total", "fiscal.total")),
    ("收入支出决算", ("income", "expense", "total", "total")),
    ("收入决算", ("income", "expense", "total", "income.total")),
    ("支出决算", ("expense", "expense", "total", "expense.total")),
]
_DEFAULT_CONTEXT: tuple[str, str, str, str | None] = ("income", "expense", "total", None)


@dataclass
class _Text:
    """Cleaned, normalised text of a run of lines, with a map back to (line, column).

    Line ``k`` of the run starts at ``starts[k]`` in ``text``; ``cols[k][j]`` is the source
    column of its ``j``-th kept character (lines that clean to nothing are left out).
    """

    text: str
    starts: list[int]
    nos: list[int]
    cols: list[tuple[int, ...]]

    def where(self, i: int) -> tuple[int, int]:
        """(line number, source column) of character ``i`` (the last one if beyond)."""
        i = min(i, len(self.text) - 1)
        k = bisect_right(self.starts, i) - 1
        return self.nos[k], self.cols[k][i - self.starts[k]]

    def prov(self, file: str | None, start: int, end: int) -> Prov:
        line, col = self.where(start)
        end_line, end_col = self.where(max(start, end - 1))
        span_end = end_col + 1 if end_line == line else col + (end - start)
        return Prov(file=file, line=line, span=(col, span_end), text=self.text[start:end])


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_DROP = re.compile(_STRIP.pattern + r"|\s", re.MULTILINE)


@text_cache(8192)
def _clean_line(line: str) -> tuple[str, tuple[int, ...]]:
    """Drop bookmarks/tags/spaces, fold full-width forms; return the text and source columns.

    Cached: the block splitter and the sentence reader both clean every narrative line.
    """
    text = line.translate(_FULLWIDTH)
    if _DROP.search(text) is None:
        return text, tuple(range(len(text)))
    cols: list[int] = []
    pieces: list[str] = []
    pos = 0
    for m in _DROP.finditer(text):
        cols.extend(range(pos, m.start()))
        pieces.append(text[pos : m.start()])
        pos = m.end()
    cols.extend(range(pos, len(text)))
    pieces.append(text[pos:])
    return "".join(pieces), tuple(cols)


def _join(lines: Sequence[tuple[int, str]]) -> _Text:
    parts: list[str] = []
    starts: list[int] = []
    nos: list[int] = []
    cols: list[tuple[int, ...]] = []
    offset = 0
    for no, raw in lines:
        text, line_cols = _clean_line(raw)
        if not text:
            continue
        parts.append(text)
        starts.append(offset)
        nos.append(no)
        cols.append(line_cols)
        offset += len(text)
    return _Text("".join(parts), starts, nos, cols)


def _context_for(heading: str) -> tuple[str, str, str, str | None]:
    for word, ctx in _CONTEXTS:
        if word in heading:
            return ctx
    return _DEFAULT_CONTEXT


def _is_heading(text: str) -> bool:
    return (
        bool(_HEADING.match(text))
        and len(text) <= 45
        and "万元" not in text
        and "(类)" not in text
        and not re.search(r"[。:：;；].", text)
    )


@dataclass
class _Mention:
    start: int
    end: int
    key: str
    text: str


class ClaimExtractor:
    """Turns narrative lines into :class:`Claim` objects."""

    def __init__(self, names: NameIndex, fiscal_year: int | None, file: str | None = None) -> None:
        self.names = names
        self.year = fiscal_year
        self.file = file
        self.sentence_no = 0
        self._scope: str | None = None
        class_names = sorted({norm(n) for n in names.class_names()}, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in class_names if len(n) >= 2)
        self._class_re = (
            re.compile(rf"(?P<name>{alternatives})(?:\(类\)(?:支出)?|支出)")
            if alternatives
            else None
        )

    def extract(self, lines: Sequence[tuple[int, str]]) -> list[Claim]:
        claims: list[Claim] = []
        context = _DEFAULT_CONTEXT
        block: list[tuple[int, str]] = []
        for no, raw in lines:
            cleaned, _ = _clean_line(raw)
            if not cleaned or "\t" in raw:  # tables are read elsewhere
                continue
            if _is_heading(cleaned):
                claims.extend(self._block(block, context))
                block = []
                context = _context_for(cleaned)
                claims.extend(self._years(_join([(no, raw)])))
                continue
            block.append((no, raw))
        claims.extend(self._block(block, context))
        return claims

    # -- one block of text under one heading ------------------------------------------------

    def _block(
        self, lines: list[tuple[int, str]], ctx: tuple[str, str, str, str | None]
    ) -> list[Claim]:
        if not lines:
            return []
        self._scope = None
        joined = _join(lines)
        out: list[Claim] = []
        carried = ctx[3]
        carried_text = ""
        start = 0
        for m in re.finditer(r"[。;；!?]|$", joined.text):
            end = m.end()
            if end > start:
                self.sentence_no += 1
                found, carried, carried_text = self._sentence(
                    joined, start, m.start(), ctx, carried, carried_text
                )
                out.extend(found)
            start = end
            if start >= len(joined.text):
                break
        return out

    def _mentions(
        self, text: str, offset: int, ctx: tuple[str, str, str, str | None]
    ) -> list[_Mention]:
        mentions: list[_Mention] = []
        taken: list[tuple[int, int]] = []
        for m in _PATH.finditer(text):
            code = self.names.item_code(m["cls"], m["kuan"], m["xiang"])
            key = f"func:{code}" if code else "func:?"
            mentions.append(_Mention(m.start(), m.end(), key, m.group(0)))
            taken.append((m.start(), m.end()))
        if self._class_re is not None:
            for m in self._class_re.finditer(text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                code = self.names.class_code(m["name"])
                if code:
                    mentions.append(_Mention(m.start(), m.end(), f"func:{code}", m.group(0)))
                    taken.append((m.start(), m.end()))
        scope, basic_scope, total_key, _ = ctx
        prefix_scope = self._scope or scope
        for m in _PHRASE_RE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            key = _PHRASE_KEY[m.group(0)]
            if ctx[3] is None and scope == "general" and not key.startswith("perf."):
                continue  # in the 绩效/资产 sections only their own subjects count
            # An explicit fund type earlier in the sentence sets the scope of 本年收入/支出.
            before = text[: m.end()]
            for word, s in (
                ("一般公共预算", "general"),
                ("政府性基金", "fund"),
                ("国有资本经营", "capital"),
            ):
                if word in before:
                    prefix_scope = s
                    self._scope = s
            key = key.format(
                s=prefix_scope if prefix_scope != "income" else "fiscal", b=basic_scope, t=total_key
            )
            if key.startswith("expense.basic") or key.startswith("expense.project"):
                pass
            key = key.replace("income.income", "income.total").replace(
                "expense.income", "income.total"
            )
            key = key.replace("income.expense", "expense.total").replace(
                "expense.expense", "expense.total"
            )
            mentions.append(_Mention(m.start(), m.end(), key, m.group(0)))
        described = re.search(r"主要(用于|包括)", text)
        if described is not None and not _NUMBER.search(text, described.end()):
            mentions = [x for x in mentions if x.start < described.start()]
        mentions.sort(key=lambda x: x.start)
        # A phrase right after another one qualifies it (“三公”经费财政拨款支出): keep the first.
        merged: list[_Mention] = []
        for mention in mentions:
            if merged and mention.start == merged[-1].end and not mention.key.startswith("func:"):
                merged[-1] = _Mention(
                    merged[-1].start, mention.end, merged[-1].key, merged[-1].text + mention.text
                )
                continue
            merged.append(mention)
        return merged

    def _sentence(
        self,
        joined: _Text,
        start: int,
        end: int,
        ctx: tuple[str, str, str, str | None],
        carried: str | None,
        carried_text: str = "",
    ) -> tuple[list[Claim], str | None, str]:
        text = joined.text[start:end]
        mentions = self._mentions(text, start, ctx)
        claims: list[Claim] = []
        claims.extend(self._years(joined, start, end))
        last_number_end = 0
        subject = carried
        subject_text = carried_text
        explicit = False
        mention_i = 0
        history: list[tuple[int, str | None, str]] = [(-1, subject, subject_text)]
        for m in _NUMBER.finditer(text):
            while mention_i < len(mentions) and mentions[mention_i].start < m.start():
                subject = mentions[mention_i].key
                subject_text = mentions[mention_i].text
                explicit = True
                history.append((mentions[mention_i].start, subject, subject_text))
                # words inside the subject's own name (水资源节约…) are not its lead
                last_number_end = max(last_number_end, mentions[mention_i].end)
                mention_i += 1
            lead = text[last_number_end : m.start()]
            zhan = text.rfind("占", 0, m.start())
            if m["unit"] == "%" and zhan >= 0 and "占" in text[max(0, m.start() - 30) : m.start()]:
                before = [h for h in history if h[0] < zhan]
                first, subject, subject_text = before[-1]
                explicit = first >= 0
                lead = text[zhan : m.start()]
            last_number_end = m.end()
            unit = m["unit"]
            if unit is None or _is_year(text, m) or text[m.end() : m.end() + 2] in ("以上", "以下"):
                continue
            claim = self._classify(text, m, lead, unit, subject, subject_text, ctx)
            if claim is not None:
                claim.prov = joined.prov(self.file, start + m.start(), start + m.end())
                claim.sentence = self.sentence_no
                claim.carried = not explicit
                claims.append(claim)
        claims.extend(self._flat(text, joined, start, subject, subject_text))
        for p in _PLACEHOLDER.finditer(text):
            c = Claim(kind="placeholder", subject_text=p.group(0))
            c.prov = joined.prov(self.file, start + p.start(), start + p.end())
            c.sentence = self.sentence_no
            claims.append(c)
        if mentions:
            subject, subject_text = mentions[-1].key, mentions[-1].text
        return claims, subject, subject_text

    def _classify(
        self,
        text: str,
        m: re.Match[str],
        lead: str,
        unit: str,
        subject: str | None,
        subject_text: str,
        ctx: tuple[str, str, str, str | None],
    ) -> Claim | None:
        value = Num.of(m["num"].replace(",", ""))
        direction, word = _direction(lead)
        versus = _versus(lead)
        if unit in ("万元", "亿元", "元"):
            if unit == "元" and re.search(
                r"(每|标准|人均|户均)[^，,；;]{0,20}$", text[: m.start()]
            ):
                return None
            if direction is not None and direction != "持平":
                kind = "change_amount"
            elif re.search(r"预算(数)?(为|是)?$", lead) or re.search(r"预算(数)?为", lead[-8:]):
                kind = "budget_amount"
                versus = "budget_initial" if "年初" in lead else "budget_final"
            else:
                kind = "amount"
            return Claim(
                kind=kind,
                subject=subject,
                subject_text=subject_text,
                value=value,
                unit=unit,
                direction=direction if kind == "change_amount" else None,
                direction_word=word if kind == "change_amount" else None,
                versus=versus if kind in ("change_amount", "budget_amount") else None,
            )
        if unit == "%":
            if "占" in lead:
                base_text = re.search(r"占(.*?)的?$", lead)
                base = _base_subject(base_text.group(1) if base_text else "", subject, ctx)
                return Claim(
                    kind="share",
                    subject=subject,
                    subject_text=subject_text,
                    value=value,
                    unit="%",
                    base=base,
                )
            if "完成" in lead and "预算" in lead:
                return Claim(
                    kind="completion_rate",
                    subject=subject,
                    subject_text=subject_text,
                    value=value,
                    unit="%",
                    versus="budget_initial" if "年初" in lead else "budget_final",
                )
            if direction is not None and direction != "持平":
                return Claim(
                    kind="change_rate",
                    subject=subject,
                    subject_text=subject_text,
                    value=value,
                    unit="%",
                    direction=direction,
                    direction_word=word,
                    versus=versus,
                )
            return None
        if unit in ("个", "辆", "人次", "批次", "台(套)", "台", "人", "次"):
            key = _count_subject(text[: m.start()][-16:], unit, subject)
            if key is None:
                return None
            return Claim(kind="count", subject=key, subject_text=lead[-12:], value=value, unit=unit)
        return None

    def _flat(
        self, text: str, joined: _Text, start: int, subject: str | None, subject_text: str
    ) -> list[Claim]:
        """Direction words without a number: 与上年持平, 决算数大于预算数 …"""
        out: list[Claim] = []
        for m in re.finditer(
            r"(与|较|比)(上年|预算|年初预算|\d{4}年度?)(数)?(决算)?(相比)?(基本)?持平"
            r"|(决算数)?(大于|小于|多于|少于|低于|高于)(年初)?预算(数)?|持平",
            text,
        ):
            word = m.group(0)
            if word == "持平":
                versus = (
                    "budget_final"
                    if "预算" in text[max(0, m.start() - 12) : m.start()]
                    else "prior"
                )
                direction: Direction = "持平"
            else:
                versus = (
                    "budget_initial"
                    if "年初" in word
                    else ("budget_final" if "预算" in word else "prior")
                )
                if "持平" in word:
                    direction = "持平"
                elif any(w in word for w in ("大于", "多于", "高于")):
                    direction = "增加"
                else:
                    direction = "减少"
            c = Claim(
                kind="change_amount",
                subject=subject,
                subject_text=subject_text,
                direction=direction,
                direction_word=word,
                versus=versus,
            )
            c.prov = joined.prov(self.file, start + m.start(), start + m.end())
            c.sentence = self.sentence_no
            out.append(c)
        return out

    def _years(self, joined: _Text, start: int = 0, end: int | None = None) -> list[Claim]:
        text = joined.text[start:end]
        out: list[Claim] = []
        for m in _YEAR_CMP.finditer(text):
            c = Claim(
                kind="comparison_year",
                value=Num.of(m.group(1)),
                year=int(m.group(1)),
                subject_text=m.group(0),
                versus="prior",
            )
            c.prov = joined.prov(self.file, start + m.start(), start + m.end())
            c.sentence = self.sentence_no
            out.append(c)
        return out


def _is_year(text: str, m: re.Match[str]) -> bool:
    return len(m["num"]) == 4 and m["num"].startswith("20") and text[m.end() : m.end() + 1] == "年"


def _direction(lead: str) -> tuple[Direction | None, str | None]:
    lead = _PLACEHOLDER.sub(lambda m: m.group(1) or "", lead)  # 下降（增长） → 下降
    words = _DIRECTION.findall(lead)
    if not words:
        tail = lead[-3:]
        for w in _INC:
            if w in tail:
                return "增加", w
        for w in _DEC:
            if w in tail:
                return "减少", w
        return None, None
    word = words[-1]
    if word == "持平":
        return "持平", word
    if word in ("增加", "增长", "提高", "上升", "大于", "多于", "超过"):
        return "增加", word
    return "减少", word


def _versus(lead: str) -> str:
    lead = (
        lead.replace("一般公共预算", "")
        .replace("政府性基金预算", "")
        .replace("国有资本经营预算", "")
    )
    if "年初预算" in lead:
        return "budget_initial"
    if "预算" in lead and "上年" not in lead:
        return "budget_final"
    return "prior"


_BASES = [
    ("本年支出合计", "expense.total"),
    ("支出合计", "expense.total"),
    ("本年收入合计", "income.total"),
    ("收入合计", "income.total"),
    ("政府采购支出总额", "procurement.total"),
    ("授予中小企业合同金额", "procurement.sme"),
    ("中小企业合同金额", "procurement.sme"),
    ("项目支出", "general.project"),
    ("一般公共预算财政拨款支出", "general.expense"),
]


def _base_subject(
    text: str, subject: str | None, ctx: tuple[str, str, str, str | None]
) -> str | None:
    for word, key in _BASES:
        if word in text:
            return key
    if subject is None:
        return None
    if subject.startswith("income."):
        return "income.total"
    if subject.startswith("expense."):
        return "expense.total"
    if subject.startswith("sangong."):
        return "sangong.total"
    if subject.startswith("func:"):
        return "general.expense" if ctx[0] == "general" else "fiscal.expense"
    if subject.startswith("procurement."):
        return "procurement.total"
    if subject in ("personnel", "public"):
        return "general.basic"
    return None


def _count_subject(lead: str, unit: str, subject: str | None) -> str | None:
    rules = [
        (r"团组", ("个", "次"), "count:sangong.abroad_groups"),
        (r"(出国|境).*|共$", ("人", "人次"), "count:sangong.abroad_people"),
        (r"购置(量|数量)?|更新购置", ("辆",), "count:sangong.vehicles_purchased"),
        (r"保有量|共有公务用车", ("辆",), "count:sangong.vehicles_held"),
        (r"接待", ("批次",), "count:sangong.reception_batches"),
        (r"批次.*|接待", ("人次", "人"), "count:sangong.reception_people"),
        (r"车辆", ("辆",), "count:vehicles.total"),
        (r"项目", ("个",), "count:perf.projects"),
    ]
    for pattern, units, key in rules:
        if unit in units and re.search(pattern, lead[-16:]):
            if key.endswith("abroad_people") and subject not in (None, "sangong.abroad"):
                continue
            return key
    return None


def extract_claims(
    lines: Sequence[tuple[int, str]],
    names: NameIndex,
    fiscal_year: int | None,
    file: str | None = None,
) -> list[Claim]:
    """All claims of the narrative ``lines`` (``(line number, text)`` pairs, 1-based)."""
    return ClaimExtractor(names, fiscal_year, file).extract(lines)
