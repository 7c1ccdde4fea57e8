"""Encoding detection from the bytes, and the ISO 5426 decoder."""

from rt.infodoc.marc import encoding as enc
from rt.infodoc.marc.iso5426 import decode_iso5426
from rt.infodoc.marc.iso5426 import encode_iso5426
from rt.infodoc.marc.reader import read_records

# ISO 5426 by hand: diacritic first (0xC2 acute, 0xC1 grave, 0xC3 circumflex,
# 0xC8 diaeresis, 0xD0 cedilla), then the base letter; 0xFA is "oe".
VERITES = b"Les v\xc2erit\xc2es de l'\xc2ecole \xc1a No\xc8el, fran\xd0cais, c\xfaur, h\xc3otel"


def test_iso5426_decoder_puts_diacritics_after_their_letter_in_nfc():
    text = decode_iso5426(VERITES)
    assert text == "Les vérités de l'école à Noël, français, cœur, hôtel"
    assert len("é") == 1 and "é" in text  # precomposed (NFC)


def test_iso5426_round_trip_and_markers():
    assert encode_iso5426("Élise à Noël") == b"\xc2Elise \xc1a No\xc8el"
    assert decode_iso5426(b"\x88L'\x89ami \xabguill\xbb") == "\x88L'\x89ami «guill»"
    assert decode_iso5426(b"\xe0") == "\ufffd"  # unassigned


def _unimarc(body_200: bytes, field_100a: bytes = b"20240101d2024    m  y0frey5003    ba") -> bytes:
    fields = [
        (b"001", b"ID-5426"),
        (b"100", b"  \x1fa" + field_100a),
        (b"200", b"1 \x1fa" + body_200),
    ]
    directory = b""
    data = b""
    for tag, body in fields:
        body += b"\x1e"
        directory += tag + b"%04d%05d" % (len(body), len(data))
        data += body
    base = 24 + len(directory) + 1
    total = base + len(data) + 1
    leader = b"%05dnam  22%05d   450 " % (total, base)
    return leader + directory + b"\x1e" + data + b"\x1d"


def test_iso5426_unimarc_record_is_read_as_iso5426():
    [result] = list(read_records(_unimarc(VERITES)))
    assert result.ok and result.encoding == "iso-5426" and result.flavour == "unimarc"
    assert result.record["200"]["a"] == "Les vérités de l'école à Noël, français, cœur, hôtel"


def test_latin1_unimarc_record_is_read_as_latin1_whatever_100a_says():
    latin1 = "Les vérités de l'école à Noël, État".encode("latin-1")
    [result] = list(read_records(_unimarc(latin1)))
    assert result.encoding == "iso-8859-1"
    assert result.record["200"]["a"] == "Les vérités de l'école à Noël, État"


def test_utf8_unimarc_record_claiming_iso5426_is_utf8():
    [result] = list(read_records(_unimarc("Les vérités".encode())))
    assert result.encoding == "utf-8"
    assert result.record["200"]["a"] == "Les vérités"


def test_detect_encoding_rules():
    assert enc.detect_encoding(b"plain ascii") == "utf-8"
    assert enc.detect_encoding(b"\x1b(Bascii with escape") == "marc-8"
    assert enc.detect_encoding("déjà".encode()) == "utf-8"
    # MARC21, blank leader/09: MARC-8 unless the bytes say otherwise
    assert enc.detect_encoding(b"d\xe2ej\xe1a vu", "marc21", " " * 24) == "marc-8"
    assert (
        enc.detect_encoding("déjà vu, café".encode("latin-1"), "marc21", " " * 24) == "iso-8859-1"
    )
    assert enc.detect_encoding(b"\xc2ecole", "unimarc") == "iso-5426"


def test_all_decoders_return_nfc():
    for name in enc.ENCODINGS:
        assert enc.decoder_for(name)(b"abc") == "abc"
    assert enc.decode_marc8(b"e\xe2e") == "eé"  # MARC-8 acute before e
    assert enc.decode_latin1(b"\x92 \x9c") == "’ œ"  # Windows-1252 extras
