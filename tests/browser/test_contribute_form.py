"""The contribute forms (/contribute/profile/, /contribute/case/) in Chromium: filled as a contributor would, the
YAML they make passes the validator unchanged, problems are flagged at their fields with the validator's messages,
photos come back upright, small and without metadata, drafts stay in this browser, and nothing leaves our origin."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image

from showcase.check.term import TERM_RULES
from showcase.content.schema import MAX_SLUG_LENGTH
from showcase.render.contribute import validator_messages
from tests.browser.conftest import serve_built
from tests.factories import case, make_site, profile

pytestmark = pytest.mark.browser
REPO = "https://github.com/chiiki-showcase/chiiki-showcase"
MESSAGES = validator_messages()
DRAFT_KEY = "chiiki-showcase:contribute:case"
# A few entries in the shape of /data/municipalities.json (showcase.content.municipalities), served in place of the
# build's file so the form's use of the list is tested whatever list the build ships.
TOWNS = {"source": "test", "as_of": "2026-05", "prefectures": [
    {"code": "19", "name": "山梨県", "municipalities": [{"code": "192040", "name": "都留市", "reading": "つるし"},
                                                     {"code": "192066", "name": "大月市", "reading": "おおつきし"}]},
    {"code": "13", "name": "東京都", "municipalities": [{"code": "132063", "name": "府中市", "reading": "ふちゅうし"}]}]}


def serve_towns(page) -> None:
    page.route("**/data/municipalities.json",
               lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(TOWNS)))


def message(code: str, label: str = "", key: str = "") -> str:
    return MESSAGES[code]["ja"].replace("{name}", f"{label}（{key}）")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    content = make_site(tmp_path_factory.mktemp("content"), profiles={"gate-taro": profile(name="試験 太郎")},
                        cases={"gate-kyogikai": case()})
    yield from serve_built(content, tmp_path_factory)


@pytest.fixture
def form(page, site_url):
    """The page, with every request it makes recorded: none may leave our origin."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    serve_towns(page)
    page.requests = requests  # type: ignore[attr-defined]
    return page


def gps_photo(path: Path) -> Path:
    """A 3000×2000 JPEG stored sideways (EXIF orientation 6), with GPS, camera, ICC and XMP data."""
    image = Image.new("RGB", (3000, 2000), (200, 60, 40))
    image.paste((30, 90, 200), (0, 0, 600, 2000))  # a blue band on the left edge: after turning upright it is on top
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    exif[0x010F] = "ExampleCam"
    exif[0x8825] = {1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 44.0, 28.0)}
    icc = b"\0" * 128  # any bytes: only their presence in the output matters
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
    image.save(path, "JPEG", exif=exif, icc_profile=icc, xmp=xmp, quality=85)
    return path


def assert_clean_photo(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert max(image.size) <= 2400
    assert image.size[1] > image.size[0], "turned upright: the sideways landscape is a portrait"
    assert image.getpixel((image.size[0] // 2, 20))[2] > 150, "the blue band is on top"
    assert not image.getexif() and "icc_profile" not in image.info and "xmp" not in image.info
    assert b"Exif" not in data and b"xmpmeta" not in data and b"ICC_PROFILE" not in data and b"ExampleCam" not in data


def error_of(page, name: str) -> str:
    field = page.locator(f'[name="{name}"]').first
    assert field.get_attribute("aria-invalid") == "true", name
    ids = field.get_attribute("aria-describedby").split()
    place = page.locator(f"#{ids[-1]}")
    assert place.is_visible()
    return place.inner_text()


def fill_common(page, *, name: str, slug: str, reading: str = "") -> None:
    page.fill('[name="name"]', name)
    if reading:  # the folder name is suggested from the reading
        page.fill('[name="name_kana"]', reading)
        assert page.input_value('[name="slug"]') == slug
    else:
        page.fill('[name="slug"]', slug)
    page.select_option('[name="prefecture"]', "山梨県")
    page.select_option('select[name="municipality"]', "都留市")  # from the official list, which fills the code
    assert page.input_value('[name="municipality_code"]') == "192040"
    page.fill('[name="published"]', "2026-11")


def add_photo(page, tmp_path: Path, alt: str) -> bytes:
    page.locator("fieldset[data-list=photos] > [data-add-item]").click()
    page.set_input_files("input[type=file]", str(gps_photo(tmp_path / "IMG_0001.JPG")))
    link = page.locator('a[data-contribute="photo"][download]')
    link.wait_for()
    assert link.get_attribute("download") == "img-0001.jpg"
    page.fill('[name="photos.0.alt"]', alt)
    with page.expect_download() as download:
        link.click()
    photo = Path(download.value.path()).read_bytes()
    assert_clean_photo(photo)
    return photo


def check_flags(page, *, date_field: str) -> None:
    """An invalid date, an http link and an empty required field, each flagged at its field with the validator's text."""
    page.fill(f'[name="{date_field}"]', "1899-04")
    page.locator("fieldset[data-list=links] > [data-add-item]").click()
    page.fill('[name="links.0.label"]', "活動ブログ")
    page.fill('[name="links.0.url"]', "http://example.jp/blog")
    page.fill('[name="name"]', "")
    page.click('button[data-contribute="make"]')
    assert error_of(page, date_field) == message("year_month")
    assert error_of(page, "links.0.url") == message("safe_url")
    assert error_of(page, "name") == message("required", "名前", "name")
    summary = page.locator("#cs-contribute-summary")
    assert summary.is_visible() and summary.evaluate("el => el === document.activeElement")
    assert summary.locator("a").count() == 3
    assert page.locator("#cs-contribute-result").is_hidden(), "no YAML while problems remain"


def made_yaml(page, folder: str, slug: str, kind: str) -> str:
    page.click('button[data-contribute="make"]')
    assert page.locator("#cs-contribute-summary").is_hidden(), page.locator("#cs-contribute-summary").inner_text()
    text = page.locator('[data-contribute="yaml"]').input_value()
    href = page.locator('a[data-contribute="github"]').get_attribute("href")
    parsed = urlparse(href)
    assert f"{parsed.scheme}://{parsed.netloc}{parsed.path}" == f"{REPO}/new/main"
    query = parse_qs(parsed.query)
    assert query["filename"] == [f"{folder}/{slug}/{kind}.yml"] and query["value"] == [text]
    return text


def assert_valid_and_local(page, site_url: str, tmp_path: Path, folder: str, slug: str, text: str, photo: bytes) -> None:
    """scripts/validate accepts the YAML and the photo unchanged; no request left our origin; no script error."""
    kind = "profile" if folder == "profiles" else "case"
    root = tmp_path / "content"
    target = root / folder / slug
    target.mkdir(parents=True)
    (target / f"{kind}.yml").write_text(text, encoding="utf-8")
    (target / "img-0001.jpg").write_bytes(photo)
    (root / ("cases" if folder == "profiles" else "profiles")).mkdir()
    run = subprocess.run([sys.executable, "-m", "showcase.cli.validate", "--content-root", str(root)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    origin = urlparse(site_url).netloc
    assert all(urlparse(url).netloc == origin or url.startswith(("blob:", "data:")) for url in page.requests), page.requests
    assert not page.console_errors


def test_profile_form_end_to_end(form, site_url, tmp_path):
    page = form
    page.goto(site_url + "contribute/profile/")
    page.click('button[data-contribute="make"]')
    assert error_of(page, "name") == message("required", "名前", "name")
    assert page.locator('[data-error-for="consent.checklist"]').is_visible()

    for box in page.locator('[name="consent.checklist"]').all():
        box.check()
    page.fill('[name="consent.date"]', "2026-10")
    page.select_option('[name="consent.basis"]', "本人の同意")
    fill_common(page, name="川口 みのり", slug="kawaguchi-minori", reading="かわぐち みのり")
    page.check('[name="fields"][value="観光"]')
    page.check('[name="fields"][value="移住・定住促進"]')
    page.fill('[name="term.start"]', "2023-04")
    page.fill('[name="term.end"]', "2026-03")
    page.fill('[name="motivation"]', "大学で観光を学び、地域の魅力を伝える仕事がしたいと考えました。\n移住の相談にも乗れるよう、自分で暮らしてみることにしました。")
    page.fill('[name="activities.0.title"]', "観光案内所の運営")
    page.fill('[name="activities.0.body"]', "駅前の案内所で、週末の街歩きツアーを企画しています。")
    page.locator("fieldset[data-list=activities] > [data-add-item]").click()
    page.fill('[name="activities.1.title"]', "移住相談会: 月1回")
    page.fill('[name="activities.1.body"]', "- 空き家の見学\n- 先輩移住者との座談会 #交流")
    page.fill('[name="goals"]', "任期後も市内に住み、ゲストハウスを開きたいです。")
    photo = add_photo(page, tmp_path, "駅前の観光案内所で地図を広げて説明する様子")

    check_flags(page, date_field="term.start")
    page.fill('[name="term.start"]', "2023-04")
    page.locator("fieldset[data-list=links] [data-remove-item]").click()
    page.fill('[name="name"]', "川口 みのり")
    text = made_yaml(page, "profiles", "kawaguchi-minori", "profile")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/profile.schema.json\n")
    assert "  - title: \"移住相談会: 月1回\"" in text and "    body: |\n      - 空き家の見学\n" in text
    assert_valid_and_local(page, site_url, tmp_path, "profiles", "kawaguchi-minori", text, photo)


def test_case_form_end_to_end(form, site_url, tmp_path):
    page = form
    page.goto(site_url + "contribute/case/")
    assert page.locator('[name="consent.checklist"]').count() == 0
    fill_common(page, name="試験地区ふるさと協議会", slug="shiken-furusato")
    page.fill('[name="summary"]', "小学校区を単位に、住民が話し合って買い物支援と見守りに取り組む協議会です。")
    page.select_option('[name="activities.0.category"]', "買い物支援・産直")
    page.fill('[name="activities.0.title"]', "移動販売")
    page.fill('[name="activities.0.body"]', "週2回、地区の集会所を回る移動販売を運行しています。")
    page.select_option('[name="legal_form"]', "NPO法人")
    photo = add_photo(page, tmp_path, "集会所の前に止まった移動販売車")
    check_flags(page, date_field="published")
    page.fill('[name="published"]', "2026-11")
    page.fill('[name="links.0.url"]', "https://example.jp/blog")
    page.fill('[name="name"]', "試験地区ふるさと協議会")
    text = made_yaml(page, "cases", "shiken-furusato", "case")
    assert "legal_form: NPO法人" in text and "links:\n  - label: 活動ブログ\n    url: https://example.jp/blog" in text
    assert_valid_and_local(page, site_url, tmp_path, "cases", "shiken-furusato", text, photo)


def test_folder_name_from_the_reading_until_the_contributor_writes_one(page, site_url):
    page.goto(site_url + "contribute/case/")
    page.fill('[name="name_kana"]', "きらり よしじま ねっとわーく")
    assert page.input_value('[name="slug"]') == "kirari-yoshijima-nettowaku"  # the long-vowel mark is dropped
    page.fill('[name="name_kana"]', "じゅんいち")
    assert page.input_value('[name="slug"]') == "junichi", "a suggestion follows the reading; no apostrophe"
    page.fill('[name="slug"]', "my-own-name")
    page.fill('[name="name_kana"]', "べつの よみ")
    assert page.input_value('[name="slug"]') == "my-own-name", "never overwrites what the contributor wrote"
    long_name = "a" * (MAX_SLUG_LENGTH + 1)
    page.fill('[name="slug"]', long_name)
    page.click('button[data-contribute="make"]')
    rule = MESSAGES["folder_name_length"]
    assert error_of(page, "slug") == rule["ja"].format(length=MAX_SLUG_LENGTH + 1, limit=MAX_SLUG_LENGTH) + f"（{rule['hint_ja']}）"


def test_term_rules_are_the_validators(page, site_url):
    """A term that ends after the record was published must be a plan; an after-term story needs an ended term."""
    page.goto(site_url + "contribute/profile/")
    page.fill('[name="published"]', "2026-11")
    page.fill('[name="term.start"]', "2024-04")
    page.fill('[name="term.end"]', "2027-03")
    page.click('button[data-contribute="make"]')
    ends_late, after_term = TERM_RULES[1], TERM_RULES[2]
    assert error_of(page, "term.end") == ends_late.ja.format(value="2027-03", limit="2026-11") + f"（{ends_late.hint_ja}）"
    page.check('[name="term.end_planned"]')
    page.select_option('[name="after_term.settled"]', index=1)
    assert page.locator('[data-error-for="term.end"]').is_hidden(), "a planned end may lie after publication"
    assert after_term.ja in page.locator("#cs-contribute-summary").inner_text(), "no after-term story for a planned end"
    page.uncheck('[name="term.end_planned"]')
    page.fill('[name="term.end"]', "2026-03")
    assert after_term.ja not in page.locator("#cs-contribute-summary").inner_text()


def test_draft_stays_in_this_browser_until_deleted(page, site_url):
    page.goto(site_url + "contribute/case/")
    page.fill('[name="name"]', "下書きの協議会")
    page.locator("fieldset[data-list=sources] > [data-add-item]").click()
    page.fill('[name="sources.0.title"]', "広報誌 2026年4月号")
    page.wait_for_function("() => (localStorage.getItem(%r) || '').includes('広報誌')" % DRAFT_KEY)  # saved after typing stops
    page.reload()
    assert page.input_value('[name="name"]') == "下書きの協議会"
    assert page.input_value('[name="sources.0.title"]') == "広報誌 2026年4月号"
    page.click('[data-contribute="clear-draft"]')
    assert page.input_value('[name="name"]') == "" and page.locator('[name="sources.0.title"]').count() == 0
    assert page.evaluate("key => localStorage.getItem(key)", DRAFT_KEY) is None
    page.reload()
    assert page.input_value('[name="name"]') == ""


def test_updating_a_published_record(page, site_url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/data/" in request.url else None)
    page.goto(site_url + "contribute/profile/?from=gate-taro")
    page.locator('[data-contribute="from-status"]').get_by_text("読み込みました").wait_for()
    assert site_url + "data/profiles/gate-taro.json" in fetched
    assert site_url + "data/profiles.json" not in fetched, "the record's own file, never the whole collection"
    assert page.input_value('[name="name"]') == "試験 太郎"
    assert page.input_value('[name="term.start"]') == "2023-04"
    assert page.locator('[name="fields"][value="地域コミュニティ活動"]').is_checked()
    for box in page.locator('[name="consent.checklist"]').all():
        box.check()
    page.click('button[data-contribute="make"]')
    assert page.locator("#cs-contribute-summary").is_hidden(), page.locator("#cs-contribute-summary").inner_text()
    href = page.locator('a[data-contribute="github"]').get_attribute("href")
    assert href == f"{REPO}/edit/main/profiles/gate-taro/profile.yml"
    assert "name: 試験 太郎" in page.locator('[data-contribute="yaml"]').input_value()


def test_updating_a_record_that_is_not_published(page, site_url):
    for slug in ("no-such-person", "..%2Fprofiles"):
        page.goto(site_url + f"contribute/profile/?from={slug}")
        page.locator('[data-contribute="from-status"]').get_by_text("掲載されていません").wait_for()
        assert page.input_value('[name="name"]') == ""


def test_keyboard_alone(page, site_url):
    page.goto(site_url + "contribute/case/")
    page.locator('[name="name"]').focus()
    page.keyboard.type("キーボード協議会")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "name_kana"
    page.keyboard.type("きーぼーどきょうぎかい")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "slug"
    assert page.evaluate("document.activeElement.value") == "kibodokyougikai"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "prefecture"
    page.keyboard.press("ArrowDown")
    add = page.locator("fieldset[data-list=activities] > [data-add-item]")
    add.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "activities.1.category", "focus moves into the new item"
    page.locator("fieldset[data-list=activities] [data-item]").nth(1).locator("[data-remove-item]").focus()
    page.keyboard.press("Enter")
    assert page.locator("fieldset[data-list=activities] [data-item]").count() == 1
    page.locator('button[data-contribute="make"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "cs-contribute-summary"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first problem's link takes the focus to its field
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"


def test_municipality_from_the_official_list(page, site_url):
    serve_towns(page)
    page.goto(site_url + "contribute/case/")
    municipality = page.locator('select[name="municipality"]')
    municipality.wait_for()
    code = page.locator('[name="municipality_code"]')
    assert code.get_attribute("readonly") is not None
    page.select_option('[name="prefecture"]', "山梨県")
    assert municipality.locator("option").all_inner_texts()[1:] == ["都留市（つるし）", "大月市（おおつきし）"]
    municipality.select_option("大月市")
    assert code.input_value() == "192066"
    page.select_option('[name="prefecture"]', "東京都")  # narrowed again; the old choice and its code go
    assert municipality.input_value() == "" and code.input_value() == ""
    municipality.select_option("府中市")
    assert code.input_value() == "132063"
    page.wait_for_function("() => (localStorage.getItem('chiiki-showcase:contribute:case') || '').includes('府中市')")
    page.reload()
    page.locator('select[name="municipality"]').wait_for()
    assert page.locator('select[name="municipality"]').input_value() == "府中市" and code.input_value() == "132063"


def test_without_the_list_both_stay_text_fields(page, site_url):
    page.route("**/data/municipalities.json", lambda route: route.fulfill(status=404, body="not here"))
    page.goto(site_url + "contribute/case/")
    page.wait_for_load_state("networkidle")
    assert page.locator('input[name="municipality"]').count() == 1
    assert page.locator('[name="municipality_code"]').get_attribute("readonly") is None


def test_a_rule_json_schema_states_as_alternatives_gets_the_validator_s_message(page, site_url):
    page.goto(site_url + "contribute/case/")
    page.fill('[name="area_size.as_of"]', "2024-04")
    page.click('button[data-contribute="make"]')
    place = page.locator('[data-error-for="area_size"]')
    assert place.inner_text() == MESSAGES["area_size_empty"]["ja"]  # once, for the group: not "households missing" twice
    assert page.locator('[data-error-for="area_size.households"]').is_hidden()
    page.fill('[name="area_size.households"]', "120")
    assert place.is_hidden()
