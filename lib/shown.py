"""A country's display name (as the data and links write it) as people read it."""

from functools import cache

from lib import i18n
from lib.countries import Country, all_countries, country_name


@cache
def _countries_by_name() -> dict[str, Country]:
    return {country.name: country for country in all_countries()}


def country_of(name: str) -> Country | None:
    """The country with this display name (as in the data and links), or None."""
    return _countries_by_name().get(str(name))


def shown_country(name: str, language: str | None = None) -> str:
    """A country's display name in `language` (default: the run's); other text as it is."""
    country = country_of(name)
    return country_name(country, language or i18n.current()) if country else str(name)
