"""Japanese text for synthetic records: sentences from invented phrase lists, to a byte budget."""

from __future__ import annotations

import random

from showcase_devtools import corpus_words as words


class TextMaker:
    """Sentences about one record's place; ``known`` words are woven into the first text that asks for them."""

    def __init__(self, rng: random.Random, place: str, known: list[str] | None = None):
        self.rng = rng
        self.place = place
        self.known = list(known or [])

    def _fill(self, pattern: str) -> str:
        pick = self.rng.choice
        return pattern.format(place=self.place, area=pick(words.AREA_NAMES), thing=pick(words.THINGS),
                              act=pick(words.ACTS), who=pick(words.WHO), goal=pick(words.GOALS),
                              number=self.rng.randrange(20, 900))

    def line(self, patterns: tuple[str, ...] = words.ACTIVITY_TITLES) -> str:
        return self._fill(self.rng.choice(patterns))[:100]

    def paragraph(self, budget: int) -> str:
        """Markdown of about ``budget`` UTF-8 bytes (at least one sentence), sometimes with a list or bold text."""
        parts: list[str] = []
        size = 0
        while size < budget or not parts:
            roll = self.rng.random()
            if roll < 0.08 and parts:
                piece = "\n\n" + self._fill(self.rng.choice(words.BULLETS)) + "\n"
            elif roll < 0.18 and parts:
                piece = "\n\n"
            else:
                piece = self._fill(self.rng.choice(words.SENTENCES))
                if roll < 0.24:
                    piece = piece.replace(self.place, f"**{self.place}**", 1) if self.place in piece else piece
            if self.known:
                piece += self.rng.choice(words.KNOWN_PATTERNS).format(word=self.known.pop(), place=self.place)
            parts.append(piece)
            size += len(piece.encode("utf-8"))
        text = "".join(parts).strip()
        while len(text) > 3900:  # the schema's limit for a text field is 4000 characters
            text = text[: text.rfind("。", 0, 3900) + 1]
        return text + "\n"
