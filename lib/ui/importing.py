"""What the import page shows before and after an import."""

import streamlit as st

from lib.i18n import _, n_
from lib.store import ImportReport
from lib.ui.text import plain

REPORT_KEY = "last_import"


def preview_heading(usable: int, refused: int) -> str:
    """ "3 meetings can be imported, 2 rows cannot"."""
    return (
        n_("{count} meeting can be imported", "{count} meetings can be imported", usable)
        + ", "
        + n_("{count} row cannot", "{count} rows cannot", refused)
    )


def keep_report(report: ImportReport) -> None:
    """Keep what an import did, to show it (and its backup) until the next import."""
    st.session_state[REPORT_KEY] = report


def last_report() -> None:
    """What the last import did, with the backup taken before a replace, until dismissed."""
    report: ImportReport | None = st.session_state.get(REPORT_KEY)
    if report is None:
        return
    with st.container(border=True):
        text = n_("Imported {count} meeting", "Imported {count} meetings", report.added)
        if report.removed:
            text += _(", replacing {count}", count=format(report.removed, ","))
        if report.skipped:
            text += "; " + n_(
                "skipped {count} already recorded",
                "skipped {count} already recorded",
                len(report.skipped),
            )
        st.success(text + ".")
        if report.skipped:
            with st.expander(
                n_(
                    "{count} row skipped as already recorded",
                    "{count} rows skipped as already recorded",
                    len(report.skipped),
                )
            ):
                for problem in report.skipped:
                    st.write(
                        _(
                            "Line {line}: {problem}",
                            line=problem.line,
                            problem=plain(problem.message),
                        )
                    )
        if report.backup_path and report.backup_path.exists():
            st.download_button(
                _("Download the backup taken before the replace"),
                data=report.backup_path.read_bytes(),
                file_name=report.backup_path.name,
                mime="text/csv",
                on_click="ignore",
                icon=":material/download:",
                key="backup-before-replace",
            )
        if st.button(_("Dismiss"), key="dismiss-import"):
            del st.session_state[REPORT_KEY]
            st.rerun()
