"""Keep third-party libraries from reaching the network at run time."""

from __future__ import annotations


def use_bundled_public_suffix_list() -> None:
    """Point tldextract (used by Presidio's email and URL recognizers) at its bundled snapshot.

    Its module-level extractor would otherwise try to download the public suffix list on
    first use. Idempotent.
    """
    import tldextract.tldextract as tld

    current = tld.TLD_EXTRACTOR
    if getattr(current, "_bleedwatch_offline", False):
        return
    offline = tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    offline._bleedwatch_offline = True  # type: ignore[attr-defined]
    tld.TLD_EXTRACTOR = offline
