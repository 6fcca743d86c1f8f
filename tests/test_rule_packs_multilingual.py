"""Multilingual boilerplate packs: real article prose survives, real boilerplate lines are caught.

Each language's pack is checked together with ``boilerplate.any`` (which applies to every
language). Paragraphs deliberately contain the words the phrases are built from (Kommentar, Foto,
Tags, ...), because that is where a careless rule would bite.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from cleaner.paths import rules_dir
from cleaner.ruleset import Rule, RuleSet
from cleaner.stages.boilerplate import line_hits, span_apply

LANGS = ("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "fi", "ru", "uk", "tr", "id", "zh", "ja", "ko", "ar", "hi")


@lru_cache(maxsize=1)
def _all() -> RuleSet:
    return RuleSet.load([rules_dir() / "boilerplate"])


def _pack(lang: str) -> list[Rule]:
    return [r for r in _all().rules if r.lang in (lang, "any") and r.id.startswith("boilerplate.")]


ARTICLE = {
    "de": [
        "Die Kommentare des Ministers sorgten am Montag im Bundestag für Aufregung, die Opposition verlangte eine Entschuldigung.",
        "Foto und Video des Unfalls verbreiteten sich am Abend rasend schnell in den sozialen Netzwerken, teilte die Polizei mit.",
        "Schlagwörter wie Klimaschutz und Wärmepumpe bestimmten den Wahlkampf, doch am Ende entschieden die Wähler nach dem Geldbeutel.",
        "Mehr zum Thema Wohnungsbau will die Ministerin im Herbst vorlegen, kündigte sie in Berlin an.",
        "Teilen wollten die beiden Parteien die Macht nach der Wahl jedoch nicht, hieß es aus Verhandlungskreisen.",
    ],
    "fr": [
        "Les commentaires du ministre ont provoqué la colère des syndicats, qui appellent à une nouvelle journée de grève jeudi.",
        "Photo à l'appui, le député a dénoncé l'état des écoles de sa circonscription lors des questions au gouvernement.",
        "Partager les richesses reste la promesse centrale du candidat, qui a détaillé son programme dimanche à Marseille.",
        "Lire aussi les rapports de la Cour des comptes aiderait les députés à mieux comprendre la dette, selon l'opposition.",
    ],
    "es": [
        "Los comentarios del ministro provocaron la indignación de la oposición, que exigió su comparecencia en el Congreso.",
        "Foto en mano, la alcaldesa mostró a los periodistas el estado en que quedó la plaza tras las inundaciones del martes.",
        "Compartir los gastos de la guardería es ya habitual entre las familias jóvenes, según una encuesta publicada este lunes.",
        "Más información sobre el proyecto se dará a conocer en las próximas semanas, según fuentes del ministerio.",
    ],
    "it": [
        "I commenti del ministro hanno scatenato la reazione dell'opposizione, che ha chiesto un'informativa urgente alla Camera.",
        "Foto e video dell'incidente sono circolati sui social per tutta la notte, secondo quanto riferito dagli investigatori.",
        "Condividi le spese con i coinquilini: è la scelta di molti studenti fuori sede, racconta un'indagine pubblicata oggi.",
        "Leggi anche le relazioni della Corte dei conti, ha consigliato il ministro ai deputati durante il dibattito in aula.",
    ],
    "pt": [
        "Os comentários do ministro provocaram a reação da oposição, que pediu a sua audição urgente no Parlamento.",
        "Fotos e vídeos do acidente circularam nas redes sociais durante toda a noite, segundo os investigadores.",
        "Compartilhar as despesas da casa é cada vez mais comum entre os jovens, mostra uma pesquisa divulgada nesta segunda-feira.",
        "Leia também os relatórios do Tribunal de Contas, recomendou o ministro aos deputados durante o debate.",
    ],
    "nl": [
        "De reacties van de minister leidden maandag tot ophef in de Tweede Kamer, waar de oppositie om opheldering vroeg.",
        "Foto's en video's van het ongeluk gingen de hele nacht rond op sociale media, meldt de politie.",
        "Delen van kosten is steeds vaker de norm onder jonge huishoudens, blijkt uit onderzoek van het CBS.",
        "Lees ook de rapporten van de Algemene Rekenkamer, adviseerde de minister de Kamerleden tijdens het debat.",
    ],
    "pl": [
        "Komentarze ministra wywołały w poniedziałek oburzenie opozycji, która zażądała jego dymisji.",
        "Zdjęcie pokazuje premiera po przylocie do Kijowa, gdzie spotkał się z prezydentem Ukrainy.",
        "Tematy takie jak migracja i inflacja zdominowały kampanię wyborczą, ale wyborcy zdecydowali inaczej.",
        "Czytaj także raporty Najwyższej Izby Kontroli, doradzał minister posłom podczas debaty w Sejmie.",
    ],
    "sv": [
        "Kommentarerna från ministern väckte på måndagen stor uppståndelse i riksdagen, och oppositionen krävde en ursäkt.",
        "Foto och video från olyckan spreds snabbt i sociala medier under kvällen, uppger polisen.",
        "Dela på kostnaderna gör allt fler unga hushåll, visar en ny undersökning från Statistiska centralbyrån.",
        "Läs också rapporterna från Riksrevisionen, rådde ministern ledamöterna under debatten i kammaren.",
        "Följ pengarna, uppmanade revisorerna riksdagens utskott i sin rapport om myndighetens upphandlingar.",
        "Annonsen drogs tillbaka efter klagomål från flera konsumentorganisationer, meddelade företaget.",
        "Mer läsning är målet för den plan som utbildningsministern presenterade på tisdagen.",
        "Ansvarig utgivare för tidningen är sedan i fjol Anna Svensson, som tidigare arbetade på Sveriges Radio.",
        "Den 12 mars 2024 vann laget finalen i Göteborg inför fullsatta läktare.",
        "Källor inom regeringen uppger att ministern länge har känt till problemen på myndigheten.",
        "Tillbaka till toppen av tabellen tog sig laget efter segern mot Malmö FF på söndagen.",
        "Hem kom familjen först sent på kvällen efter den långa resan från Kiruna.",
    ],
    "da": [
        "Kommentarerne fra ministeren vakte mandag stor opsigt i Folketinget, og oppositionen krævede en undskyldning.",
        "Foto og video fra ulykken blev hurtigt delt på de sociale medier i løbet af aftenen, oplyser politiet.",
        "Del af regningen skal betales af kommunerne, fremgår det af aftalen, som blev indgået i nat.",
        "Læs også rapporterne fra Rigsrevisionen, rådede ministeren medlemmerne under debatten i salen.",
        "Følg pengene, opfordrede revisorerne Folketingets udvalg i deres rapport om styrelsens indkøb.",
        "Annoncen blev trukket tilbage efter klager fra flere forbrugerorganisationer, oplyser virksomheden.",
        "Mere læsning er målet med den plan, som undervisningsministeren fremlagde tirsdag.",
        "Ansvarshavende chefredaktør på avisen er siden sidste år Anne Hansen, der tidligere arbejdede på DR.",
        "Den 12. marts 2024 vandt holdet finalen i Parken foran et udsolgt stadion.",
        "Kilder i regeringen siger, at ministeren længe har kendt til problemerne i styrelsen.",
        "Tilbage til toppen af tabellen kom holdet efter sejren over Brøndby søndag.",
        "Hjem kom familien først sent om aftenen efter den lange rejse fra Skagen.",
    ],
    "no": [
        "Kommentarene fra statsråden vakte mandag stor oppsikt på Stortinget, og opposisjonen krevde en unnskyldning.",
        "Foto og video fra ulykken ble raskt delt i sosiale medier i løpet av kvelden, opplyser politiet.",
        "Del av regningen skal betales av kommunene, går det fram av avtalen som ble inngått i natt.",
        "Les også rapportene fra Riksrevisjonen, rådet statsråden representantene under debatten i salen.",
        "Følg pengene, oppfordret revisorene Stortingets kontrollkomité i rapporten om direktoratets innkjøp.",
        "Annonsen ble trukket tilbake etter klager fra flere forbrukerorganisasjoner, opplyser selskapet.",
        "Mer lesing er målet med planen som kunnskapsministeren la fram tirsdag.",
        "Ansvarlig redaktør i avisen har siden i fjor vært Kari Nordmann, som tidligere jobbet i NRK.",
        "Den 12. mars 2024 vant laget finalen på Ullevaal foran et utsolgt stadion.",
        "Kilder i regjeringen sier at statsråden lenge har kjent til problemene i direktoratet.",
        "Tilbake til toppen av tabellen kom laget etter seieren over Rosenborg søndag.",
        "Hjem kom familien først sent på kvelden etter den lange reisen fra Tromsø.",
    ],
    "fi": [
        "Ministerin kommentit herättivät maanantaina kohua eduskunnassa, ja oppositio vaati anteeksipyyntöä.",
        "Kuva ja video onnettomuudesta levisivät illan aikana nopeasti sosiaalisessa mediassa, kertoo poliisi.",
        "Jaa kulut puoliksi, neuvoo kuluttajaliitto nuoria pariskuntia uudessa oppaassaan.",
        "Lue myös Valtiontalouden tarkastusviraston raportit, neuvoi ministeri kansanedustajia keskustelun aikana.",
        "Seuraa rahaa, neuvoivat tarkastajat eduskunnan valiokuntaa raportissaan, joka julkaistiin tiistaina.",
        "Mainos vedettiin pois kuluttajajärjestöjen valitusten jälkeen, kertoo yhtiö tiedotteessaan.",
        "Lisää lukemista on tavoitteena suunnitelmassa, jonka opetusministeri esitteli tiistaina.",
        "Vastaava päätoimittaja on ollut viime vuodesta alkaen Anna Korhonen, joka työskenteli aiemmin Ylellä.",
        "Maanantaina 4. marraskuuta 2024 joukkue voitti loppuottelun täydellä stadionilla.",
        "Lähteet hallituksen sisältä kertovat, että ministeri on tiennyt ongelmista virastossa jo pitkään.",
        "Juttua on korjattu useaan otteeseen, kertoo lehden päätoimittaja.",
        "Etusivu uudistettiin keväällä, kertoi verkkopalvelun päällikkö tiedotteessa.",
    ],
    "ru": [
        "Комментарии министра вызвали в понедельник возмущение в Госдуме, оппозиция потребовала его отставки.",
        "Фото и видео с места происшествия всю ночь распространялись в соцсетях, сообщают следователи.",
        "Читайте также отчеты Счетной палаты, посоветовал министр депутатам на заседании в среду.",
        "Поделиться опытом с коллегами приехали врачи из двадцати регионов страны.",
    ],
    "uk": [
        "Коментарі міністра викликали в понеділок обурення у Верховній Раді, опозиція вимагала його відставки.",
        "Фото і відео з місця події всю ніч поширювалися в соцмережах, повідомляють слідчі.",
        "Читайте також звіти Рахункової палати, порадив міністр депутатам на засіданні в середу.",
        "Поділитися досвідом з колегами приїхали лікарі з двадцяти областей.",
    ],
    "tr": [
        "Bakanın yorumları pazartesi günü Meclis'te tepkiyle karşılandı, muhalefet bakanın istifasını istedi.",
        "Fotoğraf ve videolar gece boyunca sosyal medyada paylaşıldı, dedi yetkililer.",
        "Etiketler ve kategoriler üzerinden yapılan sınıflandırma, araştırmacılara göre verilerin analizini kolaylaştırdı.",
        "Paylaş ilkesiyle yola çıkan kooperatif bugün yüzlerce aileye destek veriyor.",
    ],
    "id": [
        "Komentar menteri itu memicu reaksi keras dari anggota DPR pada Senin, yang meminta penjelasan resmi.",
        "Foto dan video kejadian itu beredar luas di media sosial sepanjang malam, kata penyidik.",
        "Baca juga laporan Badan Pemeriksa Keuangan, saran menteri kepada anggota dewan dalam rapat kerja.",
        "Bagikan pengalaman Anda dengan sesama, ajak komunitas itu kepada warga yang hadir.",
    ],
    "zh": [
        "外交部发言人的评论在周一引发了广泛讨论，多国媒体对此进行了报道。",
        "图片显示，事故现场有多辆汽车受损，消防员正在全力救援被困人员。",
        "分享经济在中国城市迅速发展，吸引了大量年轻创业者投身其中。",
        "相关部门表示，将进一步加强对食品安全的监管，严厉打击违法行为。",
    ],
    "ja": [
        "首相のコメントは月曜日、国会で大きな波紋を呼び、野党は説明を求めた。",
        "写真家の山田氏は、被災地の風景を十年にわたり撮影してきた。",
        "シェアサイクルの利用者は都市部で急増しており、自治体も駐輪場の整備を進めている。",
        "関連企業の株価も軒並み下落し、市場には不安が広がった。",
    ],
    "ko": [
        "장관의 발언에 대한 댓글이 수천 건 달리면서 야당은 월요일 국회에서 공식 사과를 요구했다.",
        "사진을 찍던 관광객이 파도에 휩쓸려 바다에 빠졌으나 해경이 출동해 30분 만에 구조했다.",
        "김민수 기자는 현장에서 만난 주민들이 복구 작업이 너무 늦다고 불만을 터뜨렸다고 전했다.",
        "공유 킥보드 이용자가 크게 늘면서 서울시는 보도 위 무단 주차에 과태료를 부과하기로 했다.",
        "관련 부처는 식품 안전에 대한 감독을 강화하고 위반 업체를 엄정하게 처벌하겠다고 밝혔다.",
        "신문협회는 기사 무단 전재를 막기 위한 대책을 포털 업체들과 논의했다고 밝혔다.",
    ],
    "ar": [
        "أثار تعليق الوزير على نتائج الانتخابات موجة من الانتقادات، وطالبت المعارضة باعتذار رسمي أمام البرلمان.",
        "صورة الطفل الغريق على الشاطئ هزت الرأي العام العالمي وأعادت قضية اللاجئين إلى صدارة الاهتمام.",
        "شارك آلاف المتظاهرين في مسيرة سلمية وسط العاصمة يوم الجمعة للمطالبة بإصلاحات اقتصادية عاجلة.",
        "وقال المصدر، الذي طلب عدم الكشف عن اسمه، إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة.",
        "اقرأ أيضا ما كتبه المؤرخون عن تلك الحقبة لتفهم لماذا انهارت الدولة بهذه السرعة.",
        "قال المحامي إن جميع الحقوق محفوظة لموكله بموجب العقد الذي وقعه مع الشركة في عام 2019 أمام كاتب العدل.",
        "كتب الوزير رسالة إلى نظيره الأمريكي يطالبه فيها بوقف التصعيد في المنطقة فورا.",
        "الأكثر قراءة بين الشباب هي الروايات البوليسية، بحسب استطلاع نشرته دار النشر يوم الأحد.",
    ],
    "hi": [
        "मंत्री की टिप्पणी पर विपक्ष ने सोमवार को संसद में जमकर हंगामा किया और माफी की मांग की।",
        "फोटो खींचते समय एक पर्यटक समुद्र की लहरों में बह गया, जिसे तटरक्षक बल ने आधे घंटे में बचा लिया।",
        "शेयर बाजार में मंगलवार को भारी गिरावट दर्ज की गई और सेंसेक्स 800 अंक टूट गया।",
        "पुलिस ने बताया कि आग लगने का स्रोत अभी तक पता नहीं चल पाया है और जांच जारी है।",
        "यह भी पढ़ें कि सरकार ने पिछले साल इसी योजना पर कितना खर्च किया था, तभी पूरी तस्वीर साफ होगी।",
        "संबंधित विभाग ने खाद्य सुरक्षा की निगरानी बढ़ाने और दोषी कंपनियों पर सख्त कार्रवाई करने की बात कही।",
        "होम लोन की ब्याज दरें बढ़ने से मकान खरीदने वालों की मुश्किलें बढ़ गई हैं, बैंक अधिकारियों ने माना।",
        "लेखक ने अपनी नई किताब में आजादी के आंदोलन के कई अनछुए पहलुओं को उजागर किया है।",
    ],
}

BOILERPLATE = {
    "de": ["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
           "Schlagwörter: Berlin, Verkehr", "Foto: dpa", "Lesen Sie auch: Bahnstreik legt Fernverkehr lahm", "ANZEIGE",
           "Zum Inhalt springen", "Alle Rechte vorbehalten", "(dpa)", "Facebook Twitter WhatsApp E-Mail"],
    "fr": ["Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée.", "Mots-clés : Paris, grève",
           "Photo : AFP", "Lire aussi : La réforme adoptée", "PUBLICITÉ", "Aller au contenu", "Tous droits réservés.",
           "Le Monde avec AFP", "Il vous reste 78% de cet article à lire."],
    "es": ["Deja una respuesta", "Tu dirección de correo electrónico no será publicada.", "Etiquetas: Madrid, vivienda",
           "Foto: EFE", "Lee también: El Gobierno aprueba la reforma", "PUBLICIDAD", "Saltar al contenido",
           "Todos los derechos reservados", "(EFE)", "¿Ya eres suscriptor? Inicia sesión"],
    "it": ["Lascia un commento", "Il tuo indirizzo email non sarà pubblicato.", "Tag: Roma, sciopero", "Foto: ANSA",
           "LEGGI ANCHE: Sciopero dei treni venerdì", "PUBBLICITÀ", "Vai al contenuto", "© RIPRODUZIONE RISERVATA", "(ANSA)"],
    "pt": ["Deixe um comentário", "O seu endereço de e-mail não será publicado.", "Tags: Lisboa, habitação",
           "Foto: Reprodução", "Leia também: Governo aprova reforma", "CONTINUA DEPOIS DA PUBLICIDADE",
           "Pular para o conteúdo", "Todos os direitos reservados", "Lusa"],
    "nl": ["Geef een reactie", "Het e-mailadres wordt niet gepubliceerd.", "Tags: Amsterdam, wonen", "Foto: ANP",
           "Lees ook: Kabinet presenteert woonplannen", "ADVERTENTIE", "Ga naar de inhoud", "Alle rechten voorbehouden.", "(ANP)"],
    "pl": ["Dodaj komentarz", "Twój adres e-mail nie zostanie opublikowany.", "Tagi: Warszawa, strajk",
           "Fot. PAP/Paweł Supernak", "Czytaj także: Rząd przyjął budżet", "REKLAMA", "Przejdź do treści",
           "Wszelkie prawa zastrzeżone", "(PAP)", "Dalsza część artykułu pod materiałem wideo"],
    "sv": ["Lämna ett svar", "Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *", "Taggar: Stockholm, trafik",
           "Foto: TT", "Läs också: Regeringen presenterar ny budget", "ANNONS", "Hoppa till innehåll",
           "Alla rättigheter förbehållna", "(TT)", "Publicerad 12 mars 2024 kl. 10.15", "Redan prenumerant? Logga in",
           "Vi använder cookies för att ge dig en bättre upplevelse.", "Ansvarig utgivare: Anna Svensson", "Mest läst"],
    "da": ["Skriv et svar", "Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *", "Emner: København, trafik",
           "Foto: Ritzau Scanpix", "Læs også: Regeringen fremlægger ny finanslov", "ANNONCE", "Spring til indhold",
           "Alle rettigheder forbeholdes", "/ritzau/", "Publiceret 12. marts 2024 kl. 10.15", "Allerede abonnent? Log ind",
           "Vi bruger cookies til at forbedre din oplevelse.", "Ansvarshavende chefredaktør: Anne Hansen", "Mest læste"],
    "no": ["Legg igjen en kommentar", "Din e-postadresse vil ikke bli publisert. Obligatoriske felt er merket med *", "Stikkord: Oslo, trafikk",
           "Foto: NTB", "Les også: Regjeringen legger fram statsbudsjettet", "ANNONSE", "Hopp til innhold",
           "Alle rettigheter forbeholdt", "(NTB)", "Publisert 12. mars 2024 kl. 10.15", "Allerede abonnent? Logg inn",
           "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.", "Ansvarlig redaktør: Kari Nordmann", "Mest lest",
           "Vi arbeider etter Vær Varsom-plakatens regler for god presseskikk."],
    "fi": ["Jätä kommentti", "Sähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *", "Aiheet: Helsinki, liikenne",
           "Kuva: Lehtikuva", "Lue myös: Hallitus esittelee uuden budjetin", "MAINOS", "Siirry sisältöön",
           "Kaikki oikeudet pidätetään", "(STT)", "Julkaistu 12.3.2024 klo 10.15", "Oletko jo tilaaja? Kirjaudu sisään",
           "Käytämme evästeitä parantaaksemme käyttökokemustasi.", "Vastaava päätoimittaja: Matti Virtanen", "Luetuimmat",
           "Juttua päivitetty klo 14.30."],
    "ru": ["Добавить комментарий", "Ваш адрес email не будет опубликован.", "Метки: Москва, метро", "Фото: РИА Новости",
           "Читайте также: Правительство утвердило бюджет", "РЕКЛАМА", "Перейти к содержимому", "Все права защищены", "(ТАСС)",
           "VK OK Telegram"],
    "uk": ["Залишити відповідь", "Ваша e-mail адреса не оприлюднюватиметься.", "Теги: Київ, метро", "Фото: Укрінформ",
           "Читайте також: Уряд затвердив бюджет", "РЕКЛАМА", "Перейти до вмісту", "Усі права захищено", "УНІАН"],
    "tr": ["Bir yanıt yazın", "E-posta adresiniz yayınlanmayacak.", "Etiketler: İstanbul, ulaşım", "Fotoğraf: AA",
           "İlgili haber: Bakanlar Kurulu toplandı", "REKLAM", "İçeriğe geç", "Tüm hakları saklıdır.", "(AA)"],
    "id": ["Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan.", "Tag: Jakarta, MRT",
           "Foto: ANTARA/Aprillio Akbar", "Baca juga: Pemerintah umumkan kenaikan BBM", "ADVERTISEMENT",
           "SCROLL TO CONTINUE WITH CONTENT", "Lompat ke konten", "Pewarta: Andi Firdaus", "(ANTARA)"],
    "zh": ["发表评论", "您的电子邮箱地址不会被公开。 必填项已用 * 标注", "标签：北京 交通", "图片来源：视觉中国",
           "延伸阅读：国务院发布最新经济数据", "广告", "跳至内容", "版权所有 © 2024 新华网", "（完）", "责任编辑：王晓明"],
    "ja": ["コメントを残す", "メールアドレスが公開されることはありません。 ※ が付いている欄は必須項目です", "タグ：東京 交通",
           "写真：共同通信", "関連記事：東京で初雪を観測", "スポンサーリンク", "コンテンツへスキップ", "無断転載を禁じます。",
           "（共同）", "この記事は有料記事です。"],
    "ko": ["댓글쓰기", "저작권자 © 연합뉴스 무단전재 및 재배포 금지", ") Copyright ⓒ OO일보. All rights reserved.",
           "홍길동 기자 hong@example.com", "[OO일보 홍길동 기자]", "사진=연합뉴스", "관련기사", "많이 본 뉴스",
           "페이스북 트위터 카카오톡 밴드", "URL복사", "본문 바로가기", "댓글 0", "이전기사", "맨위로"],
    "ar": ["أضف تعليق", "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
           "شارك", "فيسبوك تويتر واتساب", "اقرأ أيضاً:", "اقرأ أيضاً: الحكومة تعلن موازنة العام المقبل",
           "مواضيع ذات صلة", "أخبار ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "الوسوم: مصر الاقتصاد",
           "كلمات مفتاحية: الانتخابات، البرلمان", "© 2024 جميع الحقوق محفوظة", "جميع الحقوق محفوظة لموقع الخبر",
           "صورة: رويترز", "تصوير: أحمد محمد", "المصدر: وكالات", "بقلم: محمد عبد الله", "كتب: أحمد علي",
           "الرئيسية", "تخطى إلى المحتوى", "اشترك في النشرة البريدية", "3 تعليقات", "المقال السابق"],
    "hi": ["टिप्पणियाँ", "एक टिप्पणी छोड़ें", "आपका ईमेल पता प्रकाशित नहीं किया जाएगा. आवश्यक फ़ील्ड चिह्नित हैं *",
           "शेयर करें", "फेसबुक ट्विटर व्हाट्सऐप", "यह भी पढ़ें:", "यह भी पढ़ें: सरकार ने पेश किया नया बजट",
           "ये भी पढ़ें", "संबंधित खबरें", "सबसे ज्यादा पढ़ी गई", "टैग्स: दिल्ली चुनाव", "© 2024 सर्वाधिकार सुरक्षित",
           "फोटो: पीटीआई", "फाइल फोटो", "स्रोत: एजेंसी", "लेखक: राहुल शर्मा", "मुख्य सामग्री पर जाएं", "होम",
           "होम » देश » राजनीति", "न्यूज़लेटर सब्सक्राइब करें", "3 टिप्पणियाँ", "पिछला लेख", "विज्ञापन"],
}


def test_all_languages_covered() -> None:
    langs = {r.lang for r in _all().rules if r.id.startswith("boilerplate.")}
    assert set(LANGS) | {"any"} <= langs


@pytest.mark.parametrize("lang", LANGS)
def test_pack_size(lang: str) -> None:
    n = sum(1 for r in _all().rules if r.id.startswith(f"boilerplate.{lang}."))
    assert 15 <= n <= 45


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang in LANGS for t in ARTICLE[lang]])
def test_article_prose_survives(lang: str, text: str) -> None:
    rules = _pack(lang)
    assert line_hits(rules, text) == []
    assert span_apply(rules, text) == text


@pytest.mark.parametrize(("lang", "line"), [(lang, b) for lang in LANGS for b in BOILERPLATE[lang]])
def test_boilerplate_is_caught(lang: str, line: str) -> None:
    assert line_hits(_pack(lang), line), f"{lang}: nothing caught {line!r}"


def _own_rules() -> list[Rule]:
    return [r for r in _all().rules if r.lang in (*LANGS, "any") and r.id.startswith("boilerplate.")]


@pytest.mark.parametrize("rule", _own_rules(), ids=lambda r: r.id)
def test_rule_examples(rule: Rule) -> None:
    assert len(rule.remove) >= 2 and rule.keep, "a rule needs >= 2 remove and >= 1 keep examples"
    pack = _pack(rule.lang) if rule.lang != "any" else [r for r in _all().rules if r.lang == "any"]
    for line in rule.remove:
        if rule.kind == "span":
            assert span_apply([rule], line) != line, line
        else:
            assert rule.id in line_hits([rule], line), line
    for line in rule.keep:
        assert line_hits(pack, line) == [], line
        assert span_apply(pack, line) == line, line
    for text, out in rule.cases:
        assert span_apply([rule], text) == out


# Whole documents, language detected from the text: the tail rules (comment sections) need the
# last article paragraph found, which for Hindi means a line ending in the danda (।).
_DOCS = {
    "ar": (["أعلنت الحكومة المصرية يوم الاثنين عن حزمة جديدة من الإجراءات الاقتصادية لمواجهة ارتفاع معدلات التضخم في البلاد.",
            "وقال وزير المالية في مؤتمر صحفي إن الحزمة تشمل زيادة الأجور ودعم السلع الغذائية الأساسية للأسر الفقيرة؟"],
           ["بقلم: محمد عبد الله", "صورة أرشيفية", "اقرأ أيضاً: البنك المركزي يرفع أسعار الفائدة"],
           ["أضف تعليق", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "التعليق"]),
    "hi": (["सरकार ने सोमवार को महंगाई से निपटने के लिए नए आर्थिक उपायों के पैकेज की घोषणा की, जिसमें खाद्य सब्सिडी बढ़ाना शामिल है।",
            "वित्त मंत्री ने संवाददाता सम्मेलन में कहा कि इस पैकेज से गरीब परिवारों को सीधे राहत मिलेगी और कीमतें नियंत्रण में रहेंगी।"],
           ["लेखक: राहुल शर्मा", "फाइल फोटो", "यह भी पढ़ें: रिज़र्व बैंक ने ब्याज दरें बढ़ाईं"],
           ["एक टिप्पणी छोड़ें", "आपका ईमेल पता प्रकाशित नहीं किया जाएगा. आवश्यक फ़ील्ड चिह्नित हैं *", "टिप्पणी"]),
    "sv": (["Regeringen meddelade på måndagen att skatten på tobak och alkohol ska höjas för att finansiera nya sjukhus i hela landet.",
            "Finansministern sade vid en presskonferens att paketet också innehåller stöd till hushåll med låga inkomster, och att det ska gälla från januari."],
           ["Hem › Nyheter › Sverige", "Foto: TT", "Läs också: Riksbanken höjer räntan igen"],
           ["Lämna ett svar", "Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *", "Kommentar"]),
    "da": (["Regeringen meddelte mandag, at afgifterne på tobak og alkohol vil blive hævet, så der kan bygges nye hospitaler i hele landet.",
            "Finansministeren sagde på et pressemøde, at pakken også indeholder hjælp til familier med lave indkomster, og at den træder i kraft efter nytår."],
           ["Forside › Nyheder › Indland", "Foto: Ritzau Scanpix", "Læs også: Nationalbanken hæver renten igen"],
           ["Skriv et svar", "Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *", "Kommentar"]),
    "no": (["Regjeringen kunngjorde mandag at avgiftene på tobakk og alkohol skal økes, slik at det kan bygges nye sykehus i hele landet.",
            "Finansministeren sa på en pressekonferanse at pakken også inneholder støtte til familier med lave inntekter, og at den blir innført etter nyttår."],
           ["Forside › Nyheter › Innenriks", "Foto: NTB", "Les også: Norges Bank setter opp renten igjen"],
           ["Legg igjen en kommentar", "Din e-postadresse vil ikke bli publisert. Obligatoriske felt er merket med *", "Kommentar"]),
    "fi": (["Hallitus ilmoitti maanantaina, että tupakan ja alkoholin veroja korotetaan, jotta uusi sairaalaohjelma voidaan rahoittaa myös ensi vuonna.",
            "Valtiovarainministeri sanoi tiedotustilaisuudessa, että paketti sisältää myös tukea pienituloisille perheille ja että se tulee voimaan jo tammikuussa."],
           ["Etusivu › Uutiset › Kotimaa", "Kuva: Lehtikuva", "Lue myös: Keskuspankki nostaa korkoa jälleen"],
           ["Jätä kommentti", "Sähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *", "Kommentti"]),
}


@pytest.mark.parametrize("lang", sorted(_DOCS))
def test_whole_document(lang: str) -> None:
    from cleaner.api import Cleaner
    from cleaner.lang import detect

    article, head, tail = _DOCS[lang]
    text = "\n".join(head[:2] + article[:1] + head[2:] + article[1:] + tail) + "\n"
    assert detect(text) == lang
    out = Cleaner.default().clean(text).text
    assert out.split("\n")[:2] == article
    for line in head + tail:
        assert line not in out
