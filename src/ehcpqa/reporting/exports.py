"""Any dashboard table as CSV or as an Excel workbook with a native bar chart."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from ehcpqa.reporting.tables import Table


def _plain(value: object) -> object:
    return "" if value is None else value


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([table.title])
    if table.note:
        writer.writerow([table.note])
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_plain(c.value) for c in row])
    return out.getvalue()


def table_xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=14)
    if table.note:
        sheet.append([table.note])
    header_row = sheet.max_row + 1
    sheet.append(table.columns)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_plain(c.value) for c in row])
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[sheet.cell(row=header_row, column=index).column_letter].width = max(12, len(column) + 2)
    sheet.column_dimensions["A"].width = 40
    if table.chart is not None and table.rows:
        chart = BarChart()
        chart.type = "bar"
        chart.title = table.title
        chart.legend = None
        last = header_row + len(table.rows)
        values = Reference(sheet, min_col=table.chart.value_column + 1, min_row=header_row, max_row=last)
        labels = Reference(sheet, min_col=table.chart.label_column + 1, min_row=header_row + 1, max_row=last)
        chart.add_data(values, titles_from_data=True)
        chart.set_categories(labels)
        chart.height = max(7.5, 0.8 * len(table.rows))
        chart.width = 18
        sheet.add_chart(chart, f"{sheet.cell(row=header_row, column=len(table.columns) + 2).coordinate}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
