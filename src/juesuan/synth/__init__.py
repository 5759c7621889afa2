"""Synthetic disclosures: realistic, consistent documents with optional injected errors.

Public API::

    from juesuan.synth import generate
    d = generate(random.Random(7), 2024)          # a clean Disclosure
"""

from juesuan.synth.generate import generate

__all__ = ["generate"]
