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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Required, TypedDict

from juesuan.extract.claim_names import NameIndex
from juesuan.extract.context import trusted
from juesuan.model import Claim, Num, Prov
from juesuan.model.memo import text_cache
from juesuan.model.narrative import ClaimKind, Direction
from juesuan.model.normal import fold_fullwidth
from juesuan.model.provenance import in_text

_STRIP = re.compile(r"\[bookmark:[^\]]*\]|<[^>]{1,40}>|\*\*|^#+\s*|^\s*-\s+")
_HEADING = re.compile(
    r"^\s*(第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]"
    r"|\d{1,2}、)"
)
# 1,234.56 or 1234.56 not preceded by a digit or a point.  The look-behind follows the first
# digit (a pattern starting with a digit lets the regex engine skip to the digits).
_NUMBER = re.compile(
    r"(?P<num>\d(?<![\d.].)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))\s*"
    r"(?P<unit>万元|亿元|元|%|个|辆|人次|批次|台\(套\)|台|人|次|分)?"
)
_INC = ("增加", "增长", "提高", "上升", "多", "增")
_DEC = ("减少", "下降", "降低", "节约", "少", "减")
_DIRECTION = re.compile(r"(增加|增长|提高|上升|减少|下降|降低|节约|持平|大于|小于|多于|少于|超过)")
_PLACEHOLDER = re.compile(
    r"(增长|下降|增加|减少|上升|降低)\((增长|下降|增加|减少|上升|降低)\)|[X×]{2,}|【[^】]{0,12}】"
)
_YEAR_CMP = re.compile(r"(?:与|比|较|同)\s*(\d{4})\s*年度?(?:决算)?(?:数)?(?:相比|对比)?")
# (决算数)?(大于…)… written as 决算数(大于…)…|(大于…)…: every alternative starts with a
# literal, which lets the regex engine skip to the candidates.
_FLAT = re.compile(
    r"(与|较|比)(上年|预算|年初预算|\d{4}年度?)(数)?(决算)?(相比)?(基本)?持平"
    r"|决算数(大于|小于|多于|少于|低于|高于)(年初)?预算(数)?"
    r"|(大于|小于|多于|少于|低于|高于)(年初)?预算(数)?|持平"
)
_SENTENCE_END = re.compile(r"[。;；!?]|$")
_HEADING_STOP = re.compile(r"[。:：;；].")
_DESCRIBED = re.compile(r"主要(用于|包括)")
_PER_HEAD = re.compile(r"(每|标准|人均|户均)[^，,；;]{0,20}$")
_BUDGET_END = re.compile(r"预算(数)?(为|是)?$")
_BUDGET_IS = re.compile(r"预算(数)?为")
_SHARE_BASE = re.compile(r"占(.*?)的?$")
_FUND_WORDS = (("一般公共预算", "general"), ("政府性基金", "fund"), ("国有资本经营", "capital"))

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


Locate = Callable[[int], tuple[int, int | None]]
"""Maps the line numbers given to :func:`extract_claims` to the (line, page) of provenance."""


@dataclass
class _Text:
    """Cleaned, normalised text of a run of lines, with a map back to (line, column).

    Line ``k`` of the run starts at ``starts[k]`` in ``text``; ``pieces[k]`` are the runs of
    characters it kept, as :func:`_drop_marks` gives them (lines that clean to nothing are
    left out).
    """

    text: str
    starts: list[int]
    nos: list[int]
    pieces: list[_Pieces]

    def _place(self, i: int) -> tuple[int, int]:
        """(index of its line, source column) of character ``i``."""
        k = bisect_right(self.starts, i) - 1
        j = i - self.starts[k]
        cleaned, source = self.pieces[k]
        piece = bisect_right(cleaned, j) - 1
        return k, source[piece] + j - cleaned[piece]

    def prov(self, file: str | None, start: int, end: int, locate: Locate | None = None) -> Prov:
        """Provenance of ``text[start:end]``; ``locate`` maps a line number to (line, page)."""
        last = len(self.text) - 1
        k, col = self._place(min(start, last))
        end_k, end_col = self._place(min(max(start, end - 1), last))
        line = self.nos[k]
        span = (col, end_col + 1 if self.nos[end_k] == line else col + (end - start))
        if locate is None:
            return in_text(file, None, line, span, self.text[start:end])
        no, page = locate(line)
        return in_text(file, page, no, span, self.text[start:end])


_DROP = re.compile(_STRIP.pattern + r"|\s", re.MULTILINE)
_DROP_HINT = re.compile(r"[\[<*#\s-]")  # every match of _DROP has one of these
_MARK_HINT = re.compile(r"[\[<*#-]")  # every match of _DROP but a space has one of these


_Pieces = tuple[tuple[int, ...], tuple[int, ...]]
"""Where each run of kept characters starts in the cleaned text and in the source line."""
_WHOLE: _Pieces = ((0,), (0,))


class _Line(NamedTuple):
    """A narrative line, cleaned."""

    no: int
    text: str
    pieces: _Pieces


def _clean_lines(lines: Sequence[tuple[int, str]]) -> list[_Line]:
    """The lines of text, cleaned; blank lines and table rows (tab-separated) are left out.

    Full-width forms are folded for all lines at once (much faster than line by line).
    """
    raws = [raw for _, raw in lines]
    folded = fold_fullwidth("\n".join(raws)).split("\n")
    if len(folded) != len(raws):  # a line break inside a line
        folded = [fold_fullwidth(raw) for raw in raws]
    out: list[_Line] = []
    for (no, _), text in zip(lines, folded, strict=True):
        if "\t" not in text:
            line = _Line(no, *_drop_marks(text))
            if line.text:
                out.append(line)
    return out


def _drop_marks(text: str) -> tuple[str, _Pieces]:
    """Drop bookmarks, tags, markdown marks and spaces; return the rest and its pieces."""
    if _DROP_HINT.search(text) is None:
        return text, _WHOLE
    if _MARK_HINT.search(text) is None:
        return _drop_spaces(text)
    if _DROP.search(text) is None:
        return text, _WHOLE
    kept: list[str] = []
    cleaned: list[int] = []
    source: list[int] = []
    pos = length = 0
    for m in _DROP.finditer(text):
        if m.start() > pos:
            kept.append(text[pos : m.start()])
            cleaned.append(length)
            source.append(pos)
            length += m.start() - pos
        pos = m.end()
    if pos < len(text):
        kept.append(text[pos:])
        cleaned.append(length)
        source.append(pos)
    return "".join(kept), (tuple(cleaned), tuple(source))


def _drop_spaces(text: str) -> tuple[str, _Pieces]:
    """:func:`_drop_marks` of a line whose only marks are spaces (``str.split`` is faster)."""
    runs = text.split()  # splits at exactly what ``\s`` matches
    cleaned: list[int] = []
    source: list[int] = []
    pos = length = 0
    for run in runs:
        pos = text.find(run, pos)  # only spaces lie between
        cleaned.append(length)
        source.append(pos)
        length += len(run)
        pos += len(run)
    return "".join(runs), (tuple(cleaned), tuple(source))


def _join(lines: Sequence[_Line]) -> _Text:
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line.text)
    return _Text(
        "".join(line.text for line in lines),
        starts,
        [line.no for line in lines],
        [line.pieces for line in lines],
    )


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
        and not _HEADING_STOP.search(text)
    )


@dataclass
class _Mention:
    start: int
    end: int
    key: str
    text: str


class ClaimExtractor:
    """Turns narrative lines into :class:`Claim` objects."""

    def __init__(
        self,
        names: NameIndex,
        fiscal_year: int | None,
        file: str | None = None,
        locate: Locate | None = None,
    ) -> None:
        self.names = names
        self.year = fiscal_year
        self.file = file
        self.locate = locate
        self.sentence_no = 0
        self._scope: str | None = None
        self._class_re = _class_regex(names.class_keys())

    def extract(self, lines: Sequence[tuple[int, str]]) -> list[Claim]:
        claims: list[Claim] = []
        context = _DEFAULT_CONTEXT
        block: list[_Line] = []
        for line in _clean_lines(lines):
            if _is_heading(line.text):
                claims.extend(self._block(block, context))
                block = []
                context = _context_for(line.text)
                heading = _join([line])
                claims.extend(self._years(heading, 0, heading.text))
                continue
            block.append(line)
        claims.extend(self._block(block, context))
        return claims

    def _prov(self, joined: _Text, start: int, end: int) -> Prov:
        return joined.prov(self.file, start, end, self.locate)

    # -- one block of text under one heading ------------------------------------------------

    def _block(self, lines: list[_Line], ctx: tuple[str, str, str, str | None]) -> list[Claim]:
        if not lines:
            return []
        self._scope = None
        joined = _join(lines)
        out: list[Claim] = []
        carried = ctx[3]
        carried_text = ""
        start = 0
        for m in _SENTENCE_END.finditer(joined.text):
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

    def _mentions(self, text: str, ctx: tuple[str, str, str, str | None]) -> list[_Mention]:
        mentions = self._function_mentions(text)
        mentions += self._phrase_mentions(text, ctx, [(x.start, x.end) for x in mentions])
        described = _DESCRIBED.search(text) if "主要" in text else None
        if described is not None and not _NUMBER.search(text, described.end()):
            mentions = [x for x in mentions if x.start < described.start()]
        if len(mentions) < 2:
            return mentions
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

    def _function_mentions(self, text: str) -> list[_Mention]:
        """类/款/项 paths and class names (一般公共服务(类), 卫生健康支出), left to right."""
        mentions: list[_Mention] = []
        if "(类)" in text and "(款)" in text and "(项)" in text:
            for m in _PATH.finditer(text):
                code = self.names.item_code(m["cls"], m["kuan"], m["xiang"])
                key = f"func:{code}" if code else "func:?"
                mentions.append(_Mention(m.start(), m.end(), key, m.group(0)))
        if self._class_re is not None and ("(类)" in text or "支出" in text):
            taken = [(x.start, x.end) for x in mentions]
            for m in self._class_re.finditer(text):
                if taken and _inside_any(m.start(), taken):
                    continue
                code = self.names.class_code(m["name"])
                if code:
                    mentions.append(_Mention(m.start(), m.end(), f"func:{code}", m.group(0)))
                    taken.append((m.start(), m.end()))
        return mentions

    def _phrase_mentions(
        self, text: str, ctx: tuple[str, str, str, str | None], taken: list[tuple[int, int]]
    ) -> list[_Mention]:
        """The subject phrases of :data:`_PHRASES` outside the ``taken`` spans."""
        mentions: list[_Mention] = []
        matches = list(_PHRASE_RE.finditer(text))
        if not matches:
            return mentions
        scope, basic_scope, total_key, default = ctx
        own_subjects_only = default is None and scope == "general"
        prefix_scope = self._scope or scope
        # An explicit fund type earlier in the sentence sets the scope of 本年收入/支出:
        # (where the fund word first ends, its scope)
        funds = [(text.find(word) + len(word), fund) for word, fund in _FUND_WORDS if word in text]
        for m in matches:
            if taken and _inside_any(m.start(), taken):
                continue
            key = _PHRASE_KEY[m.group(0)]
            if own_subjects_only and not key.startswith("perf."):
                continue  # in the 绩效/资产 sections only their own subjects count
            for fund_end, fund in funds:
                if fund_end <= m.end():
                    prefix_scope = fund
                    self._scope = fund
            if "{" in key:
                key = _scoped_key(key, prefix_scope, basic_scope, total_key)
            mentions.append(_Mention(m.start(), m.end(), key, m.group(0)))
        return mentions

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
        mentions = self._mentions(text, ctx)
        claims = self._years(joined, start, text)
        last_number_end = 0
        subject = carried
        subject_text = carried_text
        explicit = False
        mention_i = 0
        history: list[tuple[int, str | None, str]] = [(-1, subject, subject_text)]
        for m in _NUMBER.finditer(text):
            number_start, number_end = m.span()
            while mention_i < len(mentions) and mentions[mention_i].start < number_start:
                mention = mentions[mention_i]
                subject, subject_text, explicit = mention.key, mention.text, True
                history.append((mention.start, subject, subject_text))
                # words inside the subject's own name (水资源节约…) are not its lead
                last_number_end = max(last_number_end, mention.end)
                mention_i += 1
            unit = m["unit"]
            if unit is None:
                last_number_end = number_end
                continue
            lead = text[last_number_end:number_start]
            # a share (占…的 12.5%) belongs to the subject named before 占, within 30 characters
            zhan = text.rfind("占", max(0, number_start - 30), number_start) if unit == "%" else -1
            if zhan >= 0:
                before = [h for h in history if h[0] < zhan]
                first, subject, subject_text = before[-1]
                explicit = first >= 0
                lead = text[zhan:number_start]
            last_number_end = number_end
            if _is_year(text, m) or text[number_end : number_end + 2] in ("以上", "以下"):
                continue
            fields = self._classify(text, m, lead, unit, subject, subject_text, ctx)
            if fields is not None:
                prov = self._prov(joined, start + number_start, start + number_end)
                place = {"prov": prov, "sentence": self.sentence_no, "carried": not explicit}
                claims.append(trusted(Claim, {**fields, **place}))
        claims.extend(self._flat(text, joined, start, subject, subject_text))
        for p in _placeholders(text):
            prov = self._prov(joined, start + p.start(), start + p.end())
            claims.append(
                Claim(
                    kind="placeholder",
                    subject_text=p.group(0),
                    sentence=self.sentence_no,
                    prov=prov,
                )
            )
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
    ) -> _Fields | None:
        if unit in _MONEY_UNITS:
            if unit == "元" and _PER_HEAD.search(text, 0, m.start()):
                return None
            return _money_fields(_num(m["num"]), lead, unit, subject, subject_text)
        if unit == "%":
            return _percent_fields(m, lead, subject, subject_text, ctx)
        if unit in _COUNT_UNITS:
            key = _count_subject(text[: m.start()][-16:], unit, subject)
            if key is None:
                return None
            return _Fields(
                kind="count", subject=key, subject_text=lead[-12:], value=_num(m["num"]), unit=unit
            )
        return None

    def _flat(
        self, text: str, joined: _Text, start: int, subject: str | None, subject_text: str
    ) -> list[Claim]:
        """Direction words without a number: 与上年持平, 决算数大于预算数 …"""
        out: list[Claim] = []
        if "持平" not in text and ("于" not in text or "预算" not in text):
            return out  # every match has 持平, or 于 and 预算
        for m in _FLAT.finditer(text):
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
            prov = self._prov(joined, start + m.start(), start + m.end())
            out.append(
                trusted(
                    Claim,
                    {
                        "kind": "change_amount",
                        "subject": subject,
                        "subject_text": subject_text,
                        "direction": direction,
                        "direction_word": word,
                        "versus": versus,
                        "sentence": self.sentence_no,
                        "prov": prov,
                    },
                )
            )
        return out

    def _years(self, joined: _Text, start: int, text: str) -> list[Claim]:
        """与2023年度相比 …: the year compared with (``text`` starts at ``start`` of ``joined``)."""
        out: list[Claim] = []
        if "年" not in text:  # every match has one
            return out
        for m in _YEAR_CMP.finditer(text):
            prov = self._prov(joined, start + m.start(), start + m.end())
            out.append(
                trusted(
                    Claim,
                    {
                        "kind": "comparison_year",
                        "value": _num(m.group(1)),
                        "year": int(m.group(1)),
                        "subject_text": m.group(0),
                        "versus": "prior",
                        "sentence": self.sentence_no,
                        "prov": prov,
                    },
                )
            )
        return out


Versus = Literal["prior", "budget_initial", "budget_final"]


class _Fields(TypedDict, total=False):
    """What a number says, before it is placed: the fields of a :class:`Claim` but its place."""

    kind: Required[ClaimKind]
    subject: str | None
    subject_text: str
    value: Num
    unit: str
    direction: Direction
    direction_word: str | None
    versus: Versus
    base: str | None


_MONEY_UNITS = ("万元", "亿元", "元")
_COUNT_UNITS = ("个", "辆", "人次", "批次", "台(套)", "台", "人", "次")


@text_cache(4096)
def _num(printed: str) -> Num:
    """The figure of a number :data:`_NUMBER` matched (``1,234.50``)."""
    return Num.of(printed.replace(",", ""))


def _money_fields(
    value: Num, lead: str, unit: str, subject: str | None, subject_text: str
) -> _Fields:
    """An amount, a change amount (增加 12 万元) or a budget amount (年初预算为 12 万元)."""
    direction, word = _direction(lead)
    if direction is not None and direction != "持平":
        return _Fields(
            kind="change_amount",
            subject=subject,
            subject_text=subject_text,
            value=value,
            unit=unit,
            direction=direction,
            direction_word=word,
            versus=_versus(lead),
        )
    if "预算" in lead and (_BUDGET_END.search(lead) or _BUDGET_IS.search(lead[-8:])):
        return _Fields(
            kind="budget_amount",
            subject=subject,
            subject_text=subject_text,
            value=value,
            unit=unit,
            versus="budget_initial" if "年初" in lead else "budget_final",
        )
    return _Fields(
        kind="amount", subject=subject, subject_text=subject_text, value=value, unit=unit
    )


def _percent_fields(
    m: re.Match[str],
    lead: str,
    subject: str | None,
    subject_text: str,
    ctx: tuple[str, str, str, str | None],
) -> _Fields | None:
    """A share (占…的), a completion rate (完成…预算的) or a change rate (增长 5%)."""
    if "占" in lead:
        base_text = _SHARE_BASE.search(lead)
        return _Fields(
            kind="share",
            subject=subject,
            subject_text=subject_text,
            value=_num(m["num"]),
            unit="%",
            base=_base_subject(base_text.group(1) if base_text else "", subject, ctx),
        )
    if "完成" in lead and "预算" in lead:
        return _Fields(
            kind="completion_rate",
            subject=subject,
            subject_text=subject_text,
            value=_num(m["num"]),
            unit="%",
            versus="budget_initial" if "年初" in lead else "budget_final",
        )
    direction, word = _direction(lead)
    if direction is not None and direction != "持平":
        return _Fields(
            kind="change_rate",
            subject=subject,
            subject_text=subject_text,
            value=_num(m["num"]),
            unit="%",
            direction=direction,
            direction_word=word,
            versus=_versus(lead),
        )
    return None


def _may_have_placeholder(text: str) -> bool:
    """False when :data:`_PLACEHOLDER` cannot match (a quick test: most text has none)."""
    return (
        "X" in text
        or "×" in text
        or "【" in text
        or (
            "(" in text and any(word in text for word in ("长(", "降(", "加(", "少(", "升(", "低("))
        )
    )


def _placeholders(text: str) -> list[re.Match[str]]:
    """Template text left in: 增长(下降), XX, 【单位名称】."""
    return list(_PLACEHOLDER.finditer(text)) if _may_have_placeholder(text) else []


def _first_word(m: re.Match[str]) -> str:
    return m.group(1) or ""


@text_cache(64)
def _class_regex(names: frozenset[str]) -> re.Pattern[str] | None:
    """A 类 name followed by (类) or 支出; longer names are tried first."""
    alternatives = "|".join(
        re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)) if len(n) >= 2
    )
    return (
        re.compile(rf"(?P<name>{alternatives})(?:\(类\)(?:支出)?|支出)") if alternatives else None
    )


def _inside_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of the half-open ``spans``."""
    return any(a <= pos < b for a, b in spans)


def _scoped_key(template: str, scope: str, basic_scope: str, total_key: str) -> str:
    """A subject key template of :data:`_PHRASES` filled in for the section's scopes."""
    key = template.format(s=scope if scope != "income" else "fiscal", b=basic_scope, t=total_key)
    key = key.replace("income.income", "income.total").replace("expense.income", "income.total")
    return key.replace("income.expense", "expense.total").replace(
        "expense.expense", "expense.total"
    )


def _is_year(text: str, m: re.Match[str]) -> bool:
    return len(m["num"]) == 4 and m["num"].startswith("20") and text[m.end() : m.end() + 1] == "年"


def _direction(lead: str) -> tuple[Direction | None, str | None]:
    if _may_have_placeholder(lead):
        lead = _PLACEHOLDER.sub(_first_word, lead)  # 下降（增长） → 下降
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


def _versus(lead: str) -> Versus:
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


_COUNT_RULES: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    (re.compile(pattern), units, key)
    for pattern, units, key in [
        (r"团组", ("个", "次"), "count:sangong.abroad_groups"),
        (r"(出国|境).*|共$", ("人", "人次"), "count:sangong.abroad_people"),
        (r"购置(量|数量)?|更新购置", ("辆",), "count:sangong.vehicles_purchased"),
        (r"保有量|共有公务用车", ("辆",), "count:sangong.vehicles_held"),
        (r"接待", ("批次",), "count:sangong.reception_batches"),
        (r"批次.*|接待", ("人次", "人"), "count:sangong.reception_people"),
        (r"车辆", ("辆",), "count:vehicles.total"),
        (r"项目", ("个",), "count:perf.projects"),
    ]
]


def _count_subject(lead: str, unit: str, subject: str | None) -> str | None:
    for pattern, units, key in _COUNT_RULES:
        if unit in units and pattern.search(lead[-16:]):
            if key.endswith("abroad_people") and subject not in (None, "sangong.abroad"):
                continue
            return key
    return None


def extract_claims(
    lines: Sequence[tuple[int, str]],
    names: NameIndex,
    fiscal_year: int | None,
    file: str | None = None,
    locate: Locate | None = None,
) -> list[Claim]:
    """All claims of the narrative ``lines`` (``(line number, text)`` pairs, 1-based).

    ``locate`` maps those line numbers to the (line, page) that provenance shows, when they
    are not the source's own (e.g. indexes into a layout).
    """
    return ClaimExtractor(names, fiscal_year, file, locate).extract(lines)
