"""cleaner.lang.detect: script counts for zh/ja/ko/ar/fa/hi/el/he/th/ru/uk/bg, stopword counts for Latin-script languages."""

from __future__ import annotations

import pytest
import regex

from cleaner.lang import LIMIT, detect

SAMPLES = {
    "en": [
        "The government said on Monday that it would raise taxes on tobacco and alcohol to pay for the new hospital program.",
        "Police were called to the scene after witnesses reported hearing shots, and two men were later arrested by officers.",
    ],
    "de": [
        "Die Bundesregierung hat am Montag angekündigt, dass sie die Steuern auf Tabak und Alkohol erhöhen wird, um das neue Krankenhausprogramm zu finanzieren.",
        "Nach Angaben der Polizei wurde der Mann noch in der Nacht festgenommen, er soll sich bei den Beamten nicht gewehrt haben.",
    ],
    "fr": [
        "Le gouvernement a annoncé lundi qu'il allait augmenter les taxes sur le tabac et l'alcool pour financer le nouveau plan pour les hôpitaux.",
        "Selon la police, l'homme a été interpellé dans la nuit et il ne s'est pas opposé aux agents, qui l'ont placé en garde à vue.",
    ],
    "es": [
        "El Gobierno anunció el lunes que subirá los impuestos sobre el tabaco y el alcohol para financiar el nuevo plan de hospitales.",
        "Según la policía, el hombre fue detenido durante la noche y no opuso resistencia a los agentes, que lo trasladaron a comisaría.",
    ],
    "it": [
        "Il governo ha annunciato lunedì che aumenterà le tasse sul tabacco e sull'alcol per finanziare il nuovo piano per gli ospedali.",
        "Secondo la polizia, l'uomo è stato fermato durante la notte e non ha opposto resistenza agli agenti, che lo hanno portato in questura.",
    ],
    "pt": [
        "O governo anunciou na segunda-feira que vai aumentar os impostos sobre o tabaco e o álcool para financiar o novo plano para os hospitais.",
        "Segundo a polícia, o homem foi detido durante a noite e não ofereceu resistência aos agentes, que o levaram para a delegacia.",
    ],
    "nl": [
        "Het kabinet heeft maandag aangekondigd dat de belastingen op tabak en alcohol omhoog gaan om het nieuwe plan voor de ziekenhuizen te betalen.",
        "Volgens de politie is de man in de nacht aangehouden en heeft hij zich niet verzet tegen de agenten, die hem naar het bureau brachten.",
    ],
    "pl": [
        "Rząd ogłosił w poniedziałek, że podniesie podatki na tytoń i alkohol, aby sfinansować nowy program dla szpitali w całym kraju.",
        "Według policji mężczyzna został zatrzymany w nocy i nie stawiał oporu funkcjonariuszom, którzy przewieźli go na komendę.",
    ],
    "sv": [
        "Regeringen meddelade på måndagen att skatten på tobak och alkohol ska höjas för att finansiera det nya programmet för sjukhusen.",
        "Enligt polisen greps mannen under natten och han gjorde inte något motstånd när poliserna förde honom till stationen.",
    ],
    "da": [
        "Regeringen meddelte mandag, at afgifterne på tobak og alkohol vil blive hævet, og at pengene skal bruges til nye hospitaler, efter at sundhedsministeren havde fremlagt planen.",
        "Ifølge politiet blev manden anholdt i løbet af natten, og han gjorde ikke modstand, da betjentene kørte ham til stationen.",
    ],
    "no": [
        "Regjeringen kunngjorde mandag at avgiftene på tobakk og alkohol skal økes, og pengene skal brukes til å bygge nye sykehus etter at helseministeren har lagt fram planen.",
        "Ifølge politiet ble mannen pågrepet i løpet av natten, og han gjorde ikke motstand da betjentene kjørte ham til stasjonen.",
    ],
    "fi": [
        "Hallitus ilmoitti maanantaina, että tupakan ja alkoholin veroja korotetaan, jotta uusi sairaalaohjelma voidaan rahoittaa myös ensi vuonna.",
        "Poliisin mukaan mies pidätettiin yöllä, eikä hän tehnyt vastarintaa, kun poliisit veivät hänet asemalle.",
    ],
    "tr": [
        "Hükümet pazartesi günü yaptığı açıklamada, yeni hastane programını finanse etmek için tütün ve alkol üzerindeki vergileri artıracağını duyurdu.",
        "Polisin açıklamasına göre adam gece saatlerinde gözaltına alındı ve memurlara karşı herhangi bir direniş göstermedi, ancak ifadesi henüz alınmadı.",
    ],
    "vi": [
        "Chính phủ cho biết vào thứ Hai rằng sẽ tăng thuế đối với thuốc lá và rượu bia để chi trả cho chương trình bệnh viện mới.",
        "Theo cảnh sát, người đàn ông đã bị bắt trong đêm và không có hành động chống cự nào với các cán bộ đưa anh ta về đồn.",
    ],
    "id": [
        "Pemerintah mengumumkan pada hari Senin bahwa pajak tembakau dan alkohol akan dinaikkan untuk membiayai program rumah sakit yang baru.",
        "Menurut polisi, pria tersebut ditangkap pada malam hari dan tidak melakukan perlawanan terhadap petugas yang membawanya ke kantor polisi.",
    ],
    "cs": [
        "Vláda v pondělí oznámila, že zvýší daně z tabáku a alkoholu, aby mohla financovat nový program pro nemocnice, který schválil parlament.",
        "Podle policie byl muž zadržen v noci a policistům, kteří ho převezli na služebnu, nekladl žádný odpor.",
    ],
    "sk": [
        "Vláda v pondelok oznámila, že zvýši dane z tabaku a alkoholu, aby mohla financovať nový program pre nemocnice, ktorý schválil parlament.",
        "Podľa polície bol muž zadržaný v noci a policajtom, ktorí ho previezli na oddelenie, sa nebránil.",
    ],
    "hu": [
        "A kormány hétfőn bejelentette, hogy megemeli a dohány és az alkohol adóját, hogy finanszírozni tudja az új kórházi programot.",
        "A rendőrség szerint a férfit az éjszaka folyamán vették őrizetbe, és nem tanúsított ellenállást a rendőrökkel szemben.",
    ],
    "ro": [
        "Guvernul a anunțat luni că va majora taxele pe tutun și alcool pentru a finanța noul program pentru spitale.",
        "Potrivit poliției, bărbatul a fost reținut în timpul nopții și nu a opus rezistență agenților care l-au dus la secție.",
    ],
    "ru": [
        "Правительство в понедельник объявило, что повысит налоги на табак и алкоголь, чтобы финансировать новую программу для больниц.",
        "По данным полиции, мужчину задержали ночью, он не оказал сопротивления сотрудникам, которые доставили его в отделение.",
    ],
    "uk": [
        "Уряд у понеділок оголосив, що підвищить податки на тютюн і алкоголь, щоб фінансувати нову програму для лікарень.",
        "За даними поліції, чоловіка затримали вночі, він не чинив опору правоохоронцям, які доставили його до відділку.",
    ],
    "bg": [
        "Правителството обяви в понеделник, че ще повиши данъците върху тютюна и алкохола, за да финансира новата програма за болниците.",
        "Според полицията мъжът е бил задържан през нощта и не е оказал съпротива на служителите, които са го отвели в участъка.",
    ],
    "zh": [
        "政府周一宣布，将提高烟草和酒类的税收，以资助新的医院建设计划。",
        "据警方介绍，该男子于当晚被捕，他没有反抗，随后被带往派出所接受调查。",
    ],
    "ja": [
        "政府は月曜日、新しい病院計画の財源を確保するため、たばこと酒類への税金を引き上げると発表した。",
        "警察によると、男は夜のうちに逮捕され、警察官に抵抗することはなかったという。",
    ],
    "ko": [
        "정부는 월요일 새 병원 계획의 재원을 마련하기 위해 담배와 주류에 대한 세금을 인상하겠다고 발표했다.",
        "경찰에 따르면 남성은 밤사이 체포됐으며 경찰관에게 저항하지 않은 것으로 알려졌다.",
    ],
    "ar": [
        "أعلنت الحكومة يوم الاثنين أنها سترفع الضرائب على التبغ والكحول لتمويل البرنامج الجديد للمستشفيات.",
        "وقالت الشرطة إن الرجل اعتُقل خلال الليل ولم يُبدِ أي مقاومة لعناصر الأمن الذين نقلوه إلى المركز.",
    ],
    "fa": [
        "دولت روز دوشنبه اعلام کرد که مالیات بر دخانیات و مشروبات را برای تأمین هزینه برنامه جدید بیمارستان‌ها افزایش می‌دهد.",
        "به گفته پلیس، این مرد شب گذشته بازداشت شد و هیچ مقاومتی در برابر مأمورانی که او را به کلانتری بردند نشان نداد.",
    ],
    "hi": [
        "सरकार ने सोमवार को घोषणा की कि वह नए अस्पताल कार्यक्रम के लिए तंबाकू और शराब पर कर बढ़ाएगी।",
        "पुलिस के अनुसार, व्यक्ति को रात में गिरफ्तार किया गया और उसने अधिकारियों का कोई विरोध नहीं किया।",
    ],
    "el": [
        "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι θα αυξήσει τους φόρους στον καπνό και το αλκοόλ για να χρηματοδοτήσει το νέο πρόγραμμα των νοσοκομείων.",
        "Σύμφωνα με την αστυνομία, ο άνδρας συνελήφθη κατά τη διάρκεια της νύχτας και δεν προέβαλε καμία αντίσταση στους αστυνομικούς.",
    ],
    "he": [
        "הממשלה הודיעה ביום שני כי תעלה את המסים על טבק ואלכוהול כדי לממן את תוכנית בתי החולים החדשה.",
        "לדברי המשטרה, האיש נעצר במהלך הלילה ולא הפגין כל התנגדות לשוטרים שהעבירו אותו לתחנה.",
    ],
    "th": [
        "รัฐบาลประกาศเมื่อวันจันทร์ว่าจะขึ้นภาษียาสูบและเครื่องดื่มแอลกอฮอล์ เพื่อนำเงินไปใช้ในโครงการโรงพยาบาลแห่งใหม่",
        "ตำรวจระบุว่าชายคนดังกล่าวถูกจับกุมในช่วงกลางคืน และไม่ได้ขัดขืนการจับกุมของเจ้าหน้าที่แต่อย่างใด",
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, t) for lang, texts in SAMPLES.items() for t in texts]
)
def test_detects_real_sentences(lang: str, text: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_a_document(lang: str) -> None:
    doc = "\n".join(SAMPLES[lang] * 3)
    assert detect(doc) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello",
        "OK 123",
        "Facebook Twitter",
        "Berlin, Paris, Madrid",
        "iPhone 15 Pro Max 256GB",
        "Real Madrid vs Barcelona 2-1",
        "東京",
        "Москва",
        "COVID-19",
        "* * *",
    ],
)
def test_short_or_ambiguous_text_is_none(text: str) -> None:
    assert detect(text) is None


def test_cyrillic_without_distinctive_letters_is_none() -> None:
    # No ы/э/ъ/ё and no і/ї/є/ґ: Russian and Ukrainian cannot be told apart (nor Bulgarian words).
    assert detect("Москва Киев Минск Париж Лондон Берлин") is None


def test_bulgarian_is_bg() -> None:
    # ъ as a vowel, never ы э ё, and Bulgarian-only function words (че, ще, са, през, още ...)
    assert detect("Министърът на външните работи заяви, че България ще подкрепи решението на Европейския съюз.") == "bg"
    # without a ъ: the alphabet and the words decide
    assert detect("Цените на горивата в страната се повишиха с още пет стотинки през последната седмица.") == "bg"
    # a Russian name (ы) in a long Bulgarian text: still Bulgarian
    doc = " ".join(SAMPLES["bg"] * 3)
    assert detect(doc + " Говори Дмитрий Песков от Кремъл, цитиран от агенция РИА Новости и Интерфакс.") == "bg"
    # Russian and Ukrainian are never Bulgarian, with a Bulgarian sentence in them
    assert detect(" ".join(SAMPLES["ru"] * 2) + " " + SAMPLES["bg"][0]) == "ru"
    assert detect(" ".join(SAMPLES["uk"] * 2) + " " + SAMPLES["bg"][0]) == "uk"
    # mixed half and half, or ъ-heavy without Bulgarian words: unclear
    assert detect(SAMPLES["bg"][1] + " " + SAMPLES["ru"][1]) is None
    assert detect("Объявление о съезде партии опубликовано") is None
    # Serbian and Macedonian letters (ј њ љ ќ ѓ) are not Bulgarian
    assert detect("Влада је у понедељак саопштила да ће повећати порезе на дуван и алкохол.") != "bg"
    assert detect("Владата во понеделник соопшти дека ќе ги зголеми даноците на тутунот и алкохолот.") != "bg"


def test_kana_decides_japanese_over_chinese() -> None:
    assert detect("東京都は新型感染症の対策として、飲食店に営業時間の短縮を要請した。") == "ja"
    assert detect("东京都政府要求餐饮店缩短营业时间，以应对新型传染病。") == "zh"


def test_hangul_decides_korean() -> None:
    # Latin brand names and acronyms, and hanja, in a Korean text: still Korean.
    assert detect("삼성전자는 서울에서 열린 행사에서 새 Galaxy S24 Ultra 스마트폰과 AI 기능을 공개했다.") == "ko"
    assert detect("LG에너지솔루션은 미국 GM과 함께 오하이오주에 배터리 공장을 짓는다고 밝혔다.") == "ko"
    assert detect("尹 대통령은 이날 國會에서 열린 시정연설에서 내년도 예산안의 처리를 당부했다.") == "ko"
    assert detect("관련기사 많이 본 뉴스") == "ko"  # eight syllables, like eight Han characters
    assert detect("관련기사") is None


def test_chinese_and_japanese_never_become_korean() -> None:
    # A Hangul word or two quoted in a Chinese or Japanese text does not make it Korean.
    assert detect("韩国总统在首尔发表讲话，称“대한민국”将继续加强与中国的经济合作关系。") == "zh"
    assert detect("韓国の大統領はソウルで演説し、「대한민국」は日本との協力を強化すると述べた。") == "ja"
    assert detect("\n".join(SAMPLES["zh"] + ["서울 부산 대구"])) == "zh"
    assert detect("\n".join(SAMPLES["ja"] + ["서울 부산 대구"])) == "ja"


def test_arabic_script_decides_arabic() -> None:
    # Latin brand names and Arabic-Indic digits in an Arabic text: still Arabic.
    assert detect("أعلنت شركة Apple عن هاتف iPhone 15 الجديد في مؤتمر صحفي عقدته في دبي يوم الثلاثاء.") == "ar"
    assert detect("ارتفع سعر الذهب إلى ٢٠٥٠ دولاراً للأوقية في تعاملات اليوم.") == "ar"
    assert detect("اقرأ أيضاً: أخبار ذات صلة") == "ar"  # twelve letters or more
    assert detect("اقرأ أيضاً") is None


def test_persian_is_fa_and_urdu_is_not_said() -> None:
    persian = "دولت روز دوشنبه اعلام کرد که مالیات بر دخانیات و مشروبات را برای تأمین هزینه برنامه جدید بیمارستان‌ها افزایش می‌دهد."
    urdu = "حکومت نے پیر کے روز اعلان کیا کہ وہ نئے ہسپتال پروگرام کے لیے تمباکو اور شراب پر ٹیکس بڑھائے گی۔"
    assert detect(persian) == "fa"
    assert detect(urdu) is None  # ے ں ہ ٹ ڑ: Urdu's own letters, which Persian never uses
    # Persian typed with Arabic yeh and kaf (ي ك), its پ چ ژ گ frequent: still Persian
    assert detect("به گزارش خبرگزاري ايسنا، وزير امور خارجه گفت كه مذاكرات هفته آينده در وين از سر گرفته مي‌شود.") == "fa"
    # Latin brand names and Persian digits in a Persian text: still Persian
    assert detect("شرکت اپل گوشی جدید iPhone 15 را روز سه‌شنبه با قیمت ۸۰۰ دلار معرفی کرد.") == "fa"
    # Sorani Kurdish (ە ێ ڕ) and Pashto (ړ ې ګ) are not Persian
    assert detect("حکومەتی هەرێمی کوردستان ڕایگەیاند کە مووچەی فەرمانبەران لە هەفتەی داهاتوو دابەش دەکرێت.") is None
    assert detect("حکومت د دوشنبې په ورځ اعلان وکړ چې د روغتونونو د نوي پروګرام لپاره به په تنباکو مالیه زیاته کړي.") is None
    # Arabic typed on a Persian keyboard (ی ک) keeps Arabic's frequent ة: not Persian
    assert detect("أعلنت الحکومة المصرية يوم الاثنين عن حزمة جديدة من الإجراءات الاقتصادية لمواجهة التضخم فی البلاد.".replace("ي", "ی")) is None
    # one Persian letter in a foreign name (گوگل) in a long Arabic text does not make it Persian
    assert detect(" ".join(SAMPLES["ar"]) + " وأعلنت شركة گوگل عن خدمة جديدة للمستخدمين في المنطقة العربية.") == "ar"
    # nor an Arabic quotation in a Persian text Arabic
    assert detect(" ".join(SAMPLES["fa"]) + " قال الله تعالى") == "fa"


def test_devanagari_decides_hindi() -> None:
    # Latin brand names and acronyms in a Hindi text: still Hindi.
    assert detect("रिलायंस जियो ने मुंबई में नया 5G नेटवर्क और JioBook लैपटॉप लॉन्च किया।") == "hi"
    assert detect("यह भी पढ़ें: संबंधित खबरें") == "hi"  # twelve Devanagari characters or more
    assert detect("यह भी पढ़ें") is None
    # Marathi (frequent ळ) is not said to be Hindi
    assert detect("सकाळी पावसाळ्यात शाळेच्या मुलांना वेळेवर पोहोचता आले नाही, असे पालकांनी सांगितले.") is None


def test_greek_script_decides_greek() -> None:
    # Latin brand names and acronyms in a Greek text: still Greek; accents or none, capitals too.
    assert detect("Η Apple παρουσίασε το νέο iPhone 15 Pro σε εκδήλωση στην Αθήνα την Τρίτη.") == "el"
    assert detect("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ ΤΑ ΣΧΕΤΙΚΑ ΑΡΘΡΑ") == "el"
    assert detect("Διαβάστε επίσης: Σχετικά άρθρα") == "el"  # twelve Greek letters or more
    assert detect("Σχόλια") is None


def test_hebrew_script_decides_hebrew() -> None:
    # Latin brand names in a Hebrew text, and niqqud: still Hebrew.
    assert detect("חברת Google הודיעה כי תשיק את שירות Gemini בישראל בשבוע הבא.") == "he"
    assert detect("בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ") == "he"
    assert detect("כתבות נוספות שיעניינו אותך") == "he"  # twelve Hebrew characters or more
    assert detect("תגובות") is None


def test_yiddish_is_not_hebrew() -> None:
    # Yiddish writes with the Hebrew script: its ligatures װ ײ and rafe (פֿ) are frequent in it.
    assert detect("אַ גרויסער דאַנק פֿאַר אײַער הילף, מיר װעלן זיך טרעפֿן אין שול נאָך דעם יום־טובֿ.") is None


def test_thai_script_decides_thai() -> None:
    # Latin brand names in a Thai text (no spaces between its words): still Thai.
    assert detect("ซัมซุงเปิดตัวสมาร์ทโฟน Galaxy S24 Ultra รุ่นใหม่ที่กรุงเทพฯ เมื่อวันอังคาร") == "th"
    assert detect("ข่าวที่เกี่ยวข้อง") == "th"  # twelve Thai characters or more
    assert detect("ข่าว") is None


# A name and a place in another script inside an English text leave it English, and a word of it
# inside a text of another language leaves that language: (name, place, [(host language, words)]).
QUOTED = {
    "bg": ("Росен Желязков", "България", [("de", "София Пловдив Варна")]),
    "ko": ("김민수", "서울", []),
    "fa": ("محمد جواد ظریف", "تهران", [("ru", "تهران اصفهان")]),
    "ar": ("محمد بن سلمان", "الرياض", [("zh", "القاهرة"), ("ru", "القاهرة دبي")]),
    "hi": ("नरेंद्र मोदी", "दिल्ली", [("ar", "नई दिल्ली")]),
    "el": ("Κυριάκος Μητσοτάκης", "Αθήνα", [("ru", "Αθήνα Πειραιάς")]),
    "he": ("בנימין נתניהו", "ירושלים", [("ar", "תל אביב")]),
    "th": ("ประยุทธ์ จันทร์โอชา", "กรุงเทพ", [("zh", "กรุงเทพมหานคร")]),
}


@pytest.mark.parametrize("lang", sorted(QUOTED))
def test_a_quoted_name_or_word_leaves_the_texts_language(lang: str) -> None:
    name, place, hosts = QUOTED[lang]
    text = SAMPLES["en"][0] + f" The minister, {name}, said the plan would start in {place} next year."
    assert detect(text) == "en"
    for host, words in hosts:
        assert detect("\n".join(SAMPLES[host] + [words])) == host


def test_greek_letters_as_symbols_are_not_greek() -> None:
    assert detect("The α and β coefficients of the 10 kΩ resistor were measured twice, and the error was within the margin.") == "en"


def test_vietnamese_is_told_from_the_other_latin_languages() -> None:
    # accents composed or decomposed (combining marks), and a Vietnamese name in an English text
    import unicodedata

    for text in SAMPLES["vi"]:
        assert detect(unicodedata.normalize("NFD", text)) == "vi"
    text = " ".join(SAMPLES["en"]) + " Nguyễn Văn An, Trần Thị Bình and Lê Hoàng were among them."
    assert detect(text) == "en"
    for lang in ("fr", "pt", "es", "it", "id", "tr"):
        assert detect(" ".join(SAMPLES[lang]) + " Hà Nội, Thành phố Hồ Chí Minh") == lang


def test_scandinavian_languages_are_told_apart() -> None:
    # Danish and Norwegian share most function words (og, ikke, hun, til); the words only one of
    # them writes decide: af/av, efter/etter, havde/hadde, været/vært, nu/nå. Swedish has its own
    # (och, att, inte, hade).
    assert detect("Hun sagde, at hun ikke havde været hjemme efter ulykken, og at politiet nu undersøger sagen.") == "da"
    assert detect("Hun sa at hun ikke hadde vært hjemme etter ulykken, og at politiet nå undersøker saken.") == "no"
    assert detect("Hon sa att hon inte hade varit hemma efter olyckan, och att polisen nu utreder saken.") == "sv"
    assert detect("Hän sanoi, ettei hän ollut kotona onnettomuuden jälkeen ja että poliisi tutkii asiaa nyt.") == "fi"
    # only words Danish and Norwegian share: undecided, so both packs apply
    assert detect("Hun har det godt, og hun kan ikke vente til sommer.") is None
    # a page in one language with a line in another stays in the first
    pairs = [(a, b) for a in ("sv", "da", "no", "fi") for b in ("en", "de", "nl", "fr", "pl")]
    pairs += [("sv", "da"), ("sv", "no"), ("da", "sv"), ("no", "sv"), ("da", "no"), ("fi", "sv"), ("sv", "fi")]
    for a, b in pairs:
        for line in SAMPLES[b]:
            assert detect("\n".join(SAMPLES[a] * 3 + [line])) == a, (a, b, line)


def test_only_the_head_is_read() -> None:
    head = SAMPLES["de"][0] + " "
    doc = head * (LIMIT // len(head) + 1) + " ".join(SAMPLES["fr"] * 200)
    assert detect(doc) == "de"


def test_deterministic() -> None:
    text = " ".join(SAMPLES["nl"] + SAMPLES["de"][:1])
    assert len({detect(text) for _ in range(5)}) == 1


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MIXED = st.lists(st.sampled_from(
    list("abc XYZ'’“—é東京のы한عربیً٣हिंदीळ१ıİ\u0301ßﬁΣςάΩ\u0345\u037e\u00b5עבריתשִׁ\u05be\u05f3װײ\u05bfไทยดั่ำ๙\u00a0\u2009\ud800\x0b\x1c_-")
    + ["word ", "слово ", "über ", "của ", "ελληνικά ", "שלום ", "ภาษาไทย "]
), max_size=40).map("".join)


@given(_MIXED | st.text(max_size=80))
def test_fast_counts_are_the_script_patterns(s):
    from cleaner import lang

    utf8 = lang._utf8(s)
    rest = lang._non_ascii(utf8)
    assert lang._script_counts(utf8, rest) == tuple(
        len(p.findall(s)) for p in (lang._HAN, lang._KANA, lang._CYR, lang._LATIN, lang._HANGUL, lang._ARABIC, lang._DEVANAGARI,
                                    lang._GREEK, lang._HEBREW, lang._THAI))
    assert lang._words(utf8, rest) == lang._WORD.findall(s.casefold())


def test_casefold_keeps_word_characters_and_others_apart() -> None:
    """What `lang._words` takes for granted: casefold turns a letter, mark or apostrophe into
    one or more of those, any other character into one or more others; no letter or mark is
    white space."""
    from cleaner import lang

    def word(c: str) -> bool:
        return c == "'" or not lang._NOT_LETTER_OR_MARK.match(c)

    every = "".join(map(chr, range(0x110000)))
    for c in every:
        f = c.casefold()
        if f != c:
            assert f and all(word(x) == word(c) for x in f), hex(ord(c))
    assert not any(word(c) for c in every if c.isspace())


# What `lang._cyrillic` counts, as patterns: the letters only Ukrainian and only Russian use, ъ,
# the letters outside the Bulgarian alphabet; and the Arabic-script letters `detect` counts.
_UK_ONLY = regex.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = regex.compile(r"[ыэёЫЭЁ]")
_HARD = regex.compile(r"[ъЪ]")
_NOT_BG = regex.compile(r"[^\P{Cyrillic}абвгдежзийклмнопрстуфхцчшщъьюяѝАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯЍ]")
_FA_UR_ONLY = regex.compile(r"[پچژگکیٹڈڑںےڕڵۆێە]")
_NOT_FA = regex.compile(r"[ٹڈڑںےہۓڕڵۆێەټډړږښځڅڼېۍګٻڀٺٽٿڃڄڇڊڌڍڎڏڙڦڪڱڳڻۇۈۋڭ]")


def _plain_cyrillic(s: str) -> str | None:
    from cleaner import lang

    cyr = len(lang._CYR.findall(s))
    uk, ru, hard = len(_UK_ONLY.findall(s)), len(_RU_ONLY.findall(s)), len(_HARD.findall(s))
    if (ru + uk) * 100 < cyr or hard > ru + uk:
        words = lang._WORD.findall(s.casefold())
        bg = sum(w in lang._BG_WORDS for w in words)
        ruw = sum(w in lang._RU_WORDS for w in words)
        if len(_NOT_BG.findall(s)) * 100 < cyr and bg >= 2 and bg > 2 * ruw:
            return "bg"
        if hard > ru + uk:
            return None
    ru += hard
    return "uk" if uk > ru else "ru" if ru > uk else None
_YI_ONLY = regex.compile(r"[\u05f0\u05f1\u05f2\u05bf]")


def _plain_detect(text: str) -> str | None:
    """`detect` the plain way: a pattern run over the text for each count and for the words,
    and the scores summed as fractions."""
    from collections import Counter
    from fractions import Fraction

    from cleaner import lang

    s = text[:LIMIT]
    han, kana, cyr, latin, hangul, arabic, deva, greek, hebrew, thai = (len(p.findall(s)) for p in (
        lang._HAN, lang._KANA, lang._CYR, lang._LATIN, lang._HANGUL, lang._ARABIC, lang._DEVANAGARI,
        lang._GREEK, lang._HEBREW, lang._THAI))
    cjk = han + kana
    letters = cjk + cyr + latin + hangul + arabic + deva + greek + hebrew + thai
    if (letters < lang.MIN_LETTERS and cjk < 8 and hangul < lang.MIN_HANGUL and arabic < lang.MIN_ARABIC
            and deva < lang.MIN_DEVANAGARI and greek < lang.MIN_GREEK and hebrew < lang.MIN_HEBREW
            and thai < lang.MIN_THAI):
        return None
    if cjk * 3 >= letters - cjk and cjk >= 8 and hangul < cjk:
        return "ja" if kana >= max(3, cjk // 20) else "zh"
    if hangul >= lang.MIN_HANGUL and hangul > cjk and hangul * 2 >= letters - hangul:
        return "ko"
    if arabic >= lang.MIN_ARABIC and arabic >= letters - arabic:
        if len(_FA_UR_ONLY.findall(s)) * 100 < arabic:
            return "ar"
        return "fa" if len(_NOT_FA.findall(s)) * 100 < arabic and s.count("ة") * 100 < arabic else None
    if deva >= lang.MIN_DEVANAGARI and deva >= letters - deva:
        return None if s.count("ळ") * 200 >= deva else "hi"
    if greek >= lang.MIN_GREEK and greek >= letters - greek:
        return "el"
    if hebrew >= lang.MIN_HEBREW and hebrew >= letters - hebrew:
        return None if len(_YI_ONLY.findall(s)) * 100 >= hebrew else "he"
    if thai >= lang.MIN_THAI and thai >= letters - thai:
        return "th"
    if cyr > latin and cyr >= lang.MIN_LETTERS:
        return _plain_cyrillic(s)
    if latin < lang.MIN_LETTERS:
        return None
    table, scale = lang._table(None)
    scores: dict[str, Fraction] = {}
    counts = Counter(lang._WORD.findall(s.casefold()))
    for w in counts.keys() & table.keys():
        for code, weight in table[w]:  # (1/k for a word of k languages: weight / scale)
            scores[code] = scores.get(code, Fraction(0)) + Fraction(weight, scale) * counts[w]
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    second = ranked[1][1] if len(ranked) > 1 else Fraction(0)
    return None if ranked[0][1] < lang.MIN_HITS or ranked[0][1] < Fraction(lang.MARGIN) * second else ranked[0][0]


_WORDS = [w for texts in SAMPLES.values() for t in texts for w in t.split()]
_DOCS = st.lists(st.sampled_from(_WORDS) | st.sampled_from(list("іїєґЇыэъёЁъЪјѝ“”—’é Ⅰ々ー한국عگیےەةहळΩάעװ\u05bfไ\u0e31ữ\ud800\n")),
                 max_size=60).map(" ".join)


@given(_DOCS | _MIXED)
def test_detect_is_the_plain_way(text: str) -> None:
    from cleaner import lang

    assert detect(text) == _plain_detect(text)
    assert lang._non_ascii(lang._utf8(text)) == "".join(c for c in text if not c.isascii())


@given(st.lists(st.sampled_from(list("іїєґІЇЄҐыэъёЫЭЪЁаaјѝ\u0301") + ["че ", "са ", "още ", "това ", "что ", "он ", "във ", " "]),
                max_size=40).map("".join))
def test_cyrillic_letters_are_counted_as_the_patterns_count(s: str) -> None:
    from cleaner import lang

    utf8 = lang._utf8(s)
    cyr = len(lang._CYR.findall(s))
    assert lang._cyrillic(s, cyr, utf8, lang._non_ascii(utf8)) == _plain_cyrillic(s)
