"""Bring the Korean catalogue up to date with the code's messages (see docs/translating.md).

python -m scripts.update_catalogue
"""

from lib.catalogue import po_path, update

if __name__ == "__main__":
    total, missing = update("ko")
    print(f"{po_path('ko')}: {total} messages, {missing} still to translate.")
