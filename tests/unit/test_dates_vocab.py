from showcase.content.vocab import PREFECTURES, is_valid_municipality_code, own_name
from showcase.render.dates import era_month, fiscal_year_label


def test_both_calendars():
    assert era_month("2022-06") == "令和4年6月（2022年6月）"
    assert era_month("2019-05") == "令和元年5月（2019年5月）"
    assert era_month("2019-04") == "平成31年4月（2019年4月）"
    assert fiscal_year_label(2019) == "令和元年度（FY2019）"
    assert fiscal_year_label(2016) == "平成28年度（FY2016）"
    assert fiscal_year_label(2009) == "平成21年度（FY2009）"


def test_local_government_codes_with_check_digit():
    for code in ("192040", "292010", "063827", "282197", "011002", "131016"):
        assert is_valid_municipality_code(code), code
    for code in ("192041", "19204", "992040", "１９２０４０"):
        assert not is_valid_municipality_code(code), code


def test_47_prefectures_with_unique_codes_and_slugs():
    assert len(PREFECTURES) == 47
    assert len({p.code for p in PREFECTURES}) == len({p.slug for p in PREFECTURES}) == 47


def test_own_name_drops_the_legal_form_before_or_after_the_name():
    assert own_name("特定非営利活動法人 きらりよしじまネットワーク") == "きらりよしじまネットワーク"
    assert own_name("（特非）きらりよしじまネットワーク") == "きらりよしじまネットワーク"
    assert own_name("ゆりのき台地域活動協議会") == "ゆりのき台地域活動協議会"
    assert own_name("株式会社 つるでつながる") == "つるでつながる"
    assert own_name("つるでつながる株式会社") == "つるでつながる"
    assert own_name("株式会社") == "株式会社"  # nothing else to show
