"""Word lists for the synthetic corpus: names, places, phrases, and the known words for recall tests.

All of it is invented test vocabulary.  Nothing here is a fact about a real
person, organisation or number, and none of it is ever published.  Places are
the real municipalities (the official list), so pages and search see real names.
"""

from __future__ import annotations

# Rough shares for the generator only (not statistics): Hokkaido has the most members, Nagano is next.
# (prefecture code, member weight, RMO weight); the municipalities are the real ones (showcase.content.municipalities).
PREFECTURE_SHAPE: tuple[tuple[str, float, float], ...] = (
    ("01", 14.0, 4.0), ("02", 1.6, 1.0), ("03", 2.0, 2.6), ("04", 1.6, 1.5),
    ("05", 1.4, 1.6), ("06", 2.0, 3.0), ("07", 2.8, 1.8), ("08", 1.2, 0.8),
    ("09", 1.0, 1.0), ("10", 1.3, 1.2), ("11", 0.6, 0.8), ("12", 0.9, 0.9),
    ("13", 0.4, 0.3), ("14", 0.3, 0.4), ("15", 3.0, 3.4), ("16", 0.8, 1.3),
    ("17", 1.5, 1.6), ("18", 1.2, 1.2), ("19", 1.8, 1.0), ("20", 6.0, 3.2),
    ("21", 2.0, 2.2), ("22", 1.4, 2.0), ("23", 0.8, 2.0), ("24", 1.4, 2.4),
    ("25", 0.9, 1.4), ("26", 1.6, 1.4), ("27", 0.4, 1.0), ("28", 2.2, 4.0),
    ("29", 1.8, 1.2), ("30", 1.6, 1.6), ("31", 1.6, 2.4), ("32", 2.6, 4.6),
    ("33", 2.4, 2.2), ("34", 1.6, 5.0), ("35", 1.6, 4.0), ("36", 1.4, 1.2),
    ("37", 0.8, 1.4), ("38", 1.6, 1.8), ("39", 2.4, 2.4), ("40", 1.6, 2.2),
    ("41", 1.0, 1.4), ("42", 1.6, 2.0), ("43", 2.4, 3.0), ("44", 2.0, 2.6),
    ("45", 1.8, 2.2), ("46", 2.6, 3.6), ("47", 1.6, 1.0),
)

AREA_NAMES = ("北部", "南部", "東部", "西部", "中央", "本郷", "新町", "上町", "下町", "山手", "浜手", "川北", "川南", "駅前")

SURNAMES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
            "松本", "井上", "木村", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川",
            "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "斉藤", "福田", "太田", "西村")
GIVEN_NAMES = ("翔太", "大輔", "美咲", "結衣", "健太", "陽子", "直樹", "真由美", "拓也", "彩", "恵", "聡", "優子", "亮",
               "奈緒", "和也", "舞", "悠斗", "さくら", "裕子", "誠", "千尋", "蓮", "葵", "大和", "ひかり", "智子", "修",
               "瑞穂", "隼人", "あかり", "航", "真理", "圭", "夏美", "康平", "里奈", "俊介", "由佳", "湊")

PREVIOUS_JOBS = ("会社員（営業）", "システムエンジニア", "看護師", "小学校教員", "飲食店経営", "デザイナー", "公務員",
                 "ホテル勤務", "編集者", "農業法人勤務", "大学職員", "介護職員", "カメラマン", "地方銀行勤務", "学生")
HOMETOWNS = ("神奈川県横浜市", "愛知県名古屋市", "大阪府大阪市", "北海道札幌市", "福岡県福岡市", "埼玉県さいたま市",
             "千葉県千葉市", "兵庫県神戸市", "京都府京都市", "宮城県仙台市", "東京都世田谷区", "東京都八王子市")

# Sentence pieces.  {place}: the municipality, {area}: a district, {thing}/{act}/{who}/{goal}: picked below.
THINGS = ("地域の食", "特産品", "里山の風景", "農産物", "空き家", "伝統行事", "地元の木材", "温泉", "海産物", "郷土料理",
          "山菜", "竹林", "古道", "棚田の米", "地酒", "手仕事", "星空", "川遊び", "雪遊び", "果樹")
ACTS = ("発信", "商品開発", "販路開拓", "体験プログラムの企画", "イベント運営", "交流会の開催", "情報誌の編集", "記録と保存",
        "見守り活動", "移住相談", "拠点の運営", "学習支援", "ガイド", "調査", "改修")
WHO = ("地域の高齢者", "子どもたち", "移住者", "地元の事業者", "学生", "観光客", "子育て中の親", "農家", "漁業者", "若い世代")
GOALS = ("任期後もこの地域に定住し", "地域の方と一緒に", "小さくても続けられる形で", "次の世代につなげるため", "地域の外の人も巻き込んで")
SENTENCES = (
    "{place}では{who}と一緒に{thing}の{act}に取り組んでいます。",
    "{area}地区を中心に、{thing}を生かした{act}を続けています。",
    "着任してから、{who}の声を聞きながら{act}の準備を進めてきました。",
    "{thing}の魅力を{who}に伝えるため、月に一度の{act}を行っています。",
    "{goal}{thing}の{act}を事業にしたいと考えています。",
    "役場や地元の団体と連携し、{who}が参加しやすい{act}を企画しました。",
    "{place}の{thing}は、外から来た人の目で見ると大きな可能性があります。",
    "これまでに延べ{number}人が参加し、{who}の新しいつながりが生まれています。",
    "SNS やウェブで{thing}の情報を発信し、{who}からの問い合わせが増えました。",
    "{area}の集会所を拠点に、{who}が気軽に立ち寄れる場をつくっています。",
    "前職の経験を生かし、{thing}の{act}で地域の課題に向き合っています。",
    "季節ごとに{thing}の{act}を行い、地域の暮らしを記録しています。",
)
ACTIVITY_TITLES = ("{thing}の{act}", "{who}との{act}", "{area}地区の{act}", "{thing}を生かした{act}")
BULLETS = ("- {thing}の{act}\n- {who}との交流\n- {area}地区での{act}\n", "- **{thing}**の{act}\n- {who}向けの{act}\n")

# How a known word is woven into text: alone, glued to the place name, in quotes, glued to a following kanji word.
KNOWN_PATTERNS = ("{word}にも力を入れています。", "{place}{word}の取組を始めました。", "「{word}」について学ぶ講座を開きました。",
                  "{word}推進のための会議に参加しています。")

# Known words for recall tests: none of them occurs in the lists above, so the records that contain one are known exactly.
KNOWN_WORDS: tuple[tuple[str, str], ...] = (
    ("ワーケーション", "katakana"), ("グリーンツーリズム", "katakana"), ("ジビエ", "katakana"),
    ("シェアキッチン", "katakana"), ("マルシェ", "katakana"), ("コミュニティバス", "katakana"),
    ("ドローン", "katakana"), ("クラフトビール", "katakana"), ("ゲストハウス", "katakana"),
    ("獣害対策", "kanji"), ("棚田保全", "kanji"), ("伝統工芸", "kanji"), ("農泊", "kanji"),
    ("古民家再生", "kanji"), ("地域通貨", "kanji"), ("木質バイオマス", "mixed"), ("関係人口", "kanji"),
    ("藍染", "kanji"), ("炭焼", "kanji"), ("鳥獣捕獲", "kanji"), ("雪室", "kanji"), ("養蜂", "kanji"),
    ("廃校活用", "kanji"), ("空き家バンク", "mixed"), ("クラウドファンディング", "katakana"),
    ("サテライトオフィス", "katakana"), ("二拠点居住", "kanji"), ("耕作放棄地", "kanji"), ("移動販売車", "kanji"),
    ("お試し住宅", "mixed"),
)
