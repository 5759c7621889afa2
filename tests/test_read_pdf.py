"""Robustness of the PDF reader: bad input, big documents, pages without a text layer."""

from __future__ import annotations

import resource
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from juesuan.errors import JuesuanError
from juesuan.read.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
FINANCE = SAMPLES / "shanghai-putuo-finance-2024.pdf"


def _finance() -> Path:
    if not FINANCE.is_file():
        pytest.skip(f"sample PDF not available: {FINANCE}")
    return FINANCE


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(JuesuanError, match="不存在"):
        read_pdf(tmp_path / "nope.pdf")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(JuesuanError, match="为空"):
        read_pdf(path)


def test_junk_bytes(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(JuesuanError, match="不是PDF"):
        read_pdf(path)


def test_header_but_garbage(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 500 + b"\n%%EOF\n")
    with pytest.raises(JuesuanError) as info:
        read_pdf(path)
    assert "PDF" in str(info.value)


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_truncated_copy(tmp_path: Path, fraction: float) -> None:
    data = _finance().read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(JuesuanError, match="不完整"):
        read_pdf(path)


def test_encrypted(tmp_path: Path) -> None:
    # a minimal PDF with an /Encrypt dictionary that needs a user password
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted_pdf())
    with pytest.raises(JuesuanError, match=r"加密|损坏"):
        read_pdf(path)


def test_sample_reads_with_positions() -> None:
    layout = read_pdf(_finance())
    assert layout.format == "pdf"
    assert [p.number for p in layout.pages] == list(range(1, 26))
    assert not any(p.needs_ocr for p in layout.pages)
    # page 14 only carries the rules of an empty table row: blank, not an OCR case
    assert layout.pages[13].note and "空白页" in layout.pages[13].note
    rows = [ln for ln in layout.lines if ln.page == 8 and ln.table_index is not None]
    assert rows and all(c.x0 is not None and c.x1 is not None for ln in rows for c in ln.cells)
    first = next(ln for ln in rows if ln.cells[0].text == "201")
    assert [c.text for c in first.cells] == [
        "201",
        "一般公共服务支出",
        "2,112.86",
        "2,106.66",
        "6.20",
    ]
    assert all(ln.y is not None for ln in layout.lines)
    # reading order on a page: top to bottom, numbered from 1
    page8 = [ln for ln in layout.lines if ln.page == 8]
    assert [ln.no for ln in page8] == list(range(1, len(page8) + 1))
    assert all(a.y >= b.y for a, b in pairwise(page8))  # type: ignore[operator]


def test_max_pages_and_page_limit(tmp_path: Path) -> None:
    layout = read_pdf(_finance(), max_pages=3)
    assert len(layout.pages) == 3 and {ln.page for ln in layout.lines} <= {1, 2, 3}
    assert any("前3页" in w for w in layout.warnings)
    with pytest.raises(JuesuanError, match="超过上限"):
        read_pdf(_finance(), page_limit=10)


def test_thousand_pages_finish_with_modest_memory(tmp_path: Path) -> None:
    src = pdfium.PdfDocument(str(_finance()))
    big = pdfium.PdfDocument.new()
    for _ in range(1000):
        big.import_pages(src, [7])  # the 收入决算表 page, ~600 characters
    path = tmp_path / "big.pdf"
    big.save(str(path))
    big.close()
    src.close()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    layout = read_pdf(path)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert len(layout.pages) == 1000
    assert sum(1 for ln in layout.lines if ln.page == 1000) == sum(
        1 for ln in layout.lines if ln.page == 1
    )
    # ru_maxrss is KiB on Linux; the layout of 1,000 table pages stays well under 400 MiB
    assert after - before < 400 * 1024


def _image_page_pdf(path: Path, with_image: bool) -> None:
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    if with_image:
        pytest.importorskip("PIL", reason="pillow is needed to build an image page")
        src = pdfium.PdfDocument(str(_finance()))
        pil = src[7].render(scale=1).to_pil()
        src.close()
        image = pdfium.PdfImage.new(doc)
        bitmap = pdfium.PdfBitmap.from_pil(pil)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(image)
        page.gen_content()
    doc.save(str(path))
    doc.close()


def test_scanned_page_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _image_page_pdf(path, with_image=True)
    layout = read_pdf(path)
    assert layout.pages[0].needs_ocr
    assert "第1页没有可用文字层，需要OCR" in layout.warnings
    assert layout.lines == []


def test_blank_page_is_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    _image_page_pdf(path, with_image=False)
    layout = read_pdf(path)
    assert layout.lines == []
    assert not layout.pages[0].needs_ocr and "空白页" in (layout.pages[0].note or "")


def _encrypted_pdf() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"41" * 32
        + b"> /U <"
        + b"42" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<00> <00>] >>\n" % (
        len(objects) + 1
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
