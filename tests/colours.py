"""Colours as a person sees them: parsed, laid over a background, compared (WCAG contrast)."""

import re

RGB = tuple[float, float, float]


def parse(text: str) -> tuple[float, float, float, float]:
    """'#rrggbb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)' → (r, g, b, alpha)."""
    text = text.strip()
    if text.startswith("#"):
        return (*(int(text[i : i + 2], 16) for i in (1, 3, 5)), 1.0)
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def over(colour: str, background: str, opacity: float = 1.0) -> RGB:
    """The colour drawn with this opacity on the background."""
    r, g, b, alpha = parse(colour)
    alpha *= opacity
    under = parse(background)
    return tuple(alpha * c + (1 - alpha) * u for c, u in zip((r, g, b), under[:3], strict=True))


def luminance(rgb: RGB) -> float:
    def linear(channel: float) -> float:
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
