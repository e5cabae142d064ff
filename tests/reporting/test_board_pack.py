"""The PDF board pack, the public key figures and small-number suppression."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from django.urls import reverse

from ehcpqa.audits.models import Audit, AuditStatus
from ehcpqa.reporting.tables import Cell, Table, suppress
from tests.reporting.builders import Built, build_authority
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(personas: Personas) -> Built:
    return build_authority(personas.la, auditor=personas.auditor, case_officer=personas.case_officer, n_plans=40)


def pdf_text(data: bytes) -> tuple[str, int, object]:
    pdf = pdfium.PdfDocument(data)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    image = pdf[0].render(scale=1).to_pil()
    return text, len(pdf), image


def test_suppression_rules() -> None:
    t = Table(
        "x",
        "X",
        ["a", "n", "share"],
        [
            [Cell("one"), Cell(3, "count", href="/x"), Cell(75.0, "percent", base=4)],
            [Cell("two"), Cell(0, "count"), Cell(None, "percent", base=0)],
            [Cell("three"), Cell(5, "count"), Cell(50.0, "percent", base=10)],
        ],
    )
    rows = [[c.display() for c in row] for row in suppress(t).rows]
    assert rows == [["one", "fewer than 5", "not shown (fewer than 5)"], ["two", "0", "–"], ["three", "5", "50.0%"]]
    assert all(not c.href for row in suppress(t).rows for c in row)  # published tables carry no drill-down links


def test_board_pack_pdf_renders_with_figures_and_commentary(personas: Personas, built: Built) -> None:
    response = personas.client_for(personas.board_viewer).get(reverse("reporting:board-pack") + "?version=internal")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text, pages, image = pdf_text(response.content)
    total = Audit.objects.filter(round__local_authority=personas.la, status=AuditStatus.SUBMITTED).count()
    assert pages >= 3
    assert "Internal version" in text and "Test Borough Council" in text
    assert f"{total} audits were submitted." in text.replace("\r", "").replace("\n", " ")
    assert "Automated pre-audit (machine findings)" in text
    assert "Statutory timeliness" in text
    # The first page is not blank: a good share of its pixels are ink, and the bar chart's blue bars are drawn.
    grey = image.convert("L")  # type: ignore[attr-defined]
    dark = sum(1 for p in grey.tobytes() if p < 200)
    assert dark > 0.01 * grey.width * grey.height
    rgb = image.convert("RGB").tobytes()  # type: ignore[attr-defined]
    blue = sum(
        1
        for i in range(0, len(rgb), 3)
        if abs(rgb[i] - 0x1D) < 20 and abs(rgb[i + 1] - 0x70) < 20 and abs(rgb[i + 2] - 0xB8) < 20
    )
    assert blue > 2000


def test_published_board_pack_suppresses_small_counts(personas: Personas, built: Built) -> None:
    client = personas.client_for(personas.qa_lead)
    html = client.get(reverse("reporting:board-pack") + "?format=html").content.decode()
    assert "Published version" in html and "fewer than 5" in html
    internal = client.get(reverse("reporting:board-pack") + "?format=html&version=internal").content.decode()
    assert "fewer than 5" not in internal


def test_public_key_figures_need_no_sign_in_and_suppress(client: object, personas: Personas, built: Built) -> None:
    response = client.get(reverse("reporting:key-figures", args=["test-borough"]))  # type: ignore[attr-defined]
    assert response.status_code == 200
    page = response.content.decode()
    assert "Test Borough Council" in page and "plans on the register" in page
    assert "TES-0" not in page  # aggregates only: no plan references
    assert "/reporting/plans/" not in page  # and no drill-down
    assert client.get(reverse("reporting:key-figures", args=["nowhere"])).status_code == 404  # type: ignore[attr-defined]


def test_key_figures_suppress_a_tiny_authority(client: object, personas: Personas) -> None:
    build_authority(personas.other_la, auditor=personas.outsider, case_officer=personas.outsider, n_plans=3)
    page = client.get(reverse("reporting:key-figures", args=["elsewhere"])).content.decode()  # type: ignore[attr-defined]
    assert "fewer than 5" in page
