"""Renderers: Document → TXT, HTML, PDF, DOCX, XLSX (one module each)."""
