"""How a reader reaches the operator without a GitHub account: the contact settings, the prefilled correction link
on every record page, and the contact block of the hand-written pages (``<!-- showcase: contact -->``).

The settings come from the engine's configuration (``extra.contact`` in mkdocs.yml), so a deployer sets them in one
place; :func:`contact_settings` refuses a configuration that leaves readers no way to ask for a correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import quote

from showcase.content.schema import EMAIL_RE, HTTPS_URL_RE

CONTACT_MARKER = re.compile(r"<!--\s*showcase:\s*contact\s*-->")
PLACEHOLDER_DOMAIN = ".invalid"  # RFC 2606: the shipped mkdocs.yml's address, visibly not a real one


@dataclass(frozen=True)
class Contact:
    operator: str  # who runs the site, as the deployer names it
    email: str  # may be empty when a form is given
    form_url: str  # may be empty when an e-mail address is given
    site_url: str  # absolute, ending in "/": the correction e-mail names the page's full address

    @property
    def is_placeholder(self) -> bool:
        return self.email.endswith(PLACEHOLDER_DOMAIN)


def contact_settings(extra: Mapping[str, Any] | None, site_url: str | None) -> Contact:
    """``extra.contact`` → :class:`Contact`; ``ValueError`` (Japanese / English) when it gives no usable route."""
    values = dict((extra or {}).get("contact") or {})
    email = str(values.get("email") or "").strip()
    form_url = str(values.get("form_url") or "").strip()
    operator = str(values.get("operator") or "").strip()
    if not email and not form_url:
        raise ValueError("mkdocs.yml の extra.contact に email（または form_url）を設定してください。訂正・削除の依頼先がないサイトは公開できません / "
                         "set extra.contact.email (or form_url) in mkdocs.yml: a site must tell readers where to ask for corrections")
    if email and not EMAIL_RE.match(email):
        raise ValueError(f"extra.contact.email「{email}」はメールアドレスの形式ではありません / extra.contact.email is not an e-mail address")
    if form_url and not HTTPS_URL_RE.match(form_url):
        raise ValueError(f"extra.contact.form_url「{form_url}」は https で始まる URL にしてください / extra.contact.form_url must be an https URL")
    if not operator:
        raise ValueError("mkdocs.yml の extra.contact に operator（運営者の名前）を設定してください / set extra.contact.operator in mkdocs.yml")
    return Contact(operator, email, form_url, (site_url or "").rstrip("/") + "/" if site_url else "")


def correction_mailto(contact: Contact, name: str, page_url: str) -> str:
    """``mailto:`` with the record's name and address in the subject and body (percent-encoded), or ``""``."""
    if not contact.email:
        return ""
    address = contact.site_url + page_url if contact.site_url else page_url
    subject = f"掲載内容の訂正・削除の依頼: {name}"
    body = (f"対象のページ: {name}\n{address}\n\n"
            "ご依頼の内容（訂正・削除など）:\n\n\n"
            "ご本人・団体との関係（本人、団体の担当者、自治体の担当者など）:\n")
    return f"mailto:{contact.email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


__all__ = ["Contact", "contact_settings", "correction_mailto"]
