"""Small generated JPEGs for synthetic records: a landscape of coloured bands, deterministic for the rng state."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw

SIZES = ((480, 360), (400, 300), (360, 480), (640, 400))  # shorter side >= 200 px, as the photo checks require


def draw_photo(rng: random.Random) -> bytes:
    width, height = rng.choice(SIZES)
    sky = (rng.randrange(120, 220), rng.randrange(160, 230), rng.randrange(200, 255))
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    horizon = rng.randrange(height // 3, height * 2 // 3)
    for band in range(rng.randint(2, 5)):  # hills
        top = horizon + band * rng.randrange(10, 40)
        colour = (rng.randrange(30, 120), rng.randrange(90, 180), rng.randrange(30, 110))
        points = [(0, height), (0, top)] + [(x, top - rng.randrange(0, 60)) for x in range(0, width + 80, 80)] + [(width, height)]
        draw.polygon(points, fill=colour)
    for _ in range(rng.randint(0, 4)):  # houses
        x, y = rng.randrange(0, width - 40), rng.randrange(horizon, height - 30)
        draw.rectangle((x, y, x + 36, y + 26), fill=(rng.randrange(150, 250), rng.randrange(120, 200), rng.randrange(90, 160)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def write_photo(path: Path, rng: random.Random) -> None:
    path.write_bytes(draw_photo(rng))
