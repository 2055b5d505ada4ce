#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank, and crops one; standard library only.

    python3 scripts/png_check.py check FILE [--min-ink 0.01] [--min-colours 3]
    python3 scripts/png_check.py crop FILE OUT HEIGHT [TOP]

`check` decodes the PNG (8-bit greyscale, RGB or RGBA, not interlaced: what
Chromium writes) with zlib and struct, and fails (exit 1, with the figures)
unless at least --min-ink of the pixels are not white and there are at least
--min-colours distinct colours. `crop` writes the top HEIGHT rows of FILE to
OUT as an RGB PNG (from row TOP, default 0; for the README's screenshot).
"""
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 6: 4}


def read_png(path):
    """(width, height, channels, rows): rows are bytes objects, filters undone."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def rgb(rows, width, channels):
    """Each row as RGB bytes."""
    for row in rows:
        if channels == 3:
            yield row
        elif channels == 4:
            yield bytes(b for i in range(width) for b in row[4 * i:4 * i + 3])
        else:
            yield bytes(b for v in row for b in (v, v, v))


def check(path, min_ink, min_colours):
    width, height, channels, rows = read_png(path)
    ink, colours = 0, set()
    for row in rgb(rows, width, channels):
        for i in range(0, len(row), 3):
            pixel = row[i:i + 3]
            if pixel != b"\xff\xff\xff":
                ink += 1
            if len(colours) < 10000:
                colours.add(pixel)
    share = ink / float(width * height)
    print(f"{path}: {width}x{height}, {share:.1%} non-white pixels, {len(colours)} colours")
    if share < min_ink or len(colours) < min_colours:
        print(f"{path}: looks blank (need at least {min_ink:.0%} non-white pixels and {min_colours} colours)", file=sys.stderr)
        return 1
    return 0


def crop(path, out, keep, top=0):
    width, height, channels, rows = read_png(path)
    rows = rows[top:top + keep]
    keep = len(rows)
    body = b"".join(b"\x00" + row for row in rgb(rows, width, channels))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(out, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, keep, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(body, 9)))
        f.write(chunk(b"IEND", b""))
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        options = dict(zip(argv[2::2], argv[3::2]))
        return check(argv[1], float(options.get("--min-ink", 0.01)), int(options.get("--min-colours", 3)))
    if len(argv) in (4, 5) and argv[0] == "crop":
        return crop(argv[1], argv[2], int(argv[3]), int(argv[4]) if len(argv) == 5 else 0)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
