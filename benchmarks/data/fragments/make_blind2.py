#!/usr/bin/env python3
"""Build blind2.jsonl: hand-written news paragraphs with labelled MT fragments.

Each record's source text marks every broken span inline as [[...]].  The
script strips the markers, records the [start, end) offsets of each span in
the clean text, asserts text[start:end] equals the marked span, and derives
`expected` by cutting the spans with minimal whitespace/punctuation repair
(unless the record gives an explicit `exp`).

Written blind: without reading the cleaner, its rules or any other test data.

Usage: python3 make_blind2.py   (writes blind2.jsonl next to this file)
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind2.jsonl")

MARK = re.compile(r"\[\[(.*?)\]\]", re.S)

R = []


def rec(kind, lang, src, exp=None):
    R.append({"kind": kind, "lang": lang, "src": src, "exp": exp})


# ---------------------------------------------------------------- splice (en)
rec("splice", "en",
    "Kenya's parliament on Tuesday approved a revised finance bill that drops several of the most contested tax increases, after weeks of street protests in Nairobi and other cities.\n\n"
    "\"We have listened to the people and removed the clauses that caused the most pain,\" the Treasury secretary said [[The decision of the committee was by the majority in the house adopted]] after the vote, adding that the government would look for savings elsewhere.")

rec("splice", "en",
    "Brazil's space research institute said deforestation in the Amazon fell by 31% in the twelve months to July, the lowest level since 2016. The figures, released on Wednesday, are based on satellite images collected by the institute [[The monitoring of the region for the period of]] and cover the entire legal Amazon.")

rec("splice", "en",
    "Japan's central bank kept its benchmark interest rate unchanged on Friday but signalled that it could raise borrowing costs again before the end of the year.\n\n"
    "The governor told reporters [[This is in the situation of prices which continues the rise]] that the bank would watch next spring's wage negotiations closely before making a decision.")

rec("splice", "en",
    "Typhoon Kalmaegi made landfall in the central Philippines early on Tuesday, forcing more than 200,000 people to flee their homes, the national disaster agency said [[The number of the evacuation by the local government units was]] in its morning bulletin.\n\n"
    "Power was cut in large parts of Cebu and Leyte, and the coast guard suspended sea travel across the region. Officials warned [[In the province of the affected areas landslides]] that heavy rain would continue through Wednesday.")

rec("splice", "en",
    "Germany's economy shrank slightly in the second quarter, as weak exports and sluggish consumer spending weighed on growth. Output fell 0.1% compared with the previous three months, the federal statistics office [[According to the figures adjusted of the calendar]] said in a preliminary estimate on Thursday.")

rec("splice", "en",
    "Argentina's monthly inflation slowed to 2.7% in October, the national statistics institute reported, extending a run of declines that the government has made the centrepiece of its economic programme.\n\n"
    "The economy minister welcomed the figure on social media and added [[It is the lowest of the record since more than four years for]] that spending cuts would remain in place next year.\n\n"
    "Annual inflation, however, remains above 100%.")

rec("splice", "en",
    "Nigerian troops rescued 23 people kidnapped from a village in Zamfara state, the army said on Sunday. The victims, including eleven women and several children, were freed during an overnight operation in the Tsafe area [[The bandits fled with the injured on the motorcycles of]], an army spokesman said in a statement.")

rec("splice", "en",
    "India's Election Commission on Monday announced [[The schedule of the polling in the phases will be]] that voting in the Bihar state assembly election would be held in two phases in November. More than 74 million people are registered to vote in the state, one of the country's poorest.")

rec("splice", "en",
    "At least 14 people were killed when a five-storey residential building collapsed in the Turkish city of Konya on Saturday.\n\n"
    "Rescue teams worked through the night and [[The search of the rubble by the volunteers with the hands]] pulled two more survivors from the debris early on Sunday, the disaster management agency AFAD said. The cause of the collapse was not immediately known.")

rec("splice", "en",
    "A wildfire in the northwestern Spanish province of Leon forced the evacuation of eight villages over the weekend as strong winds pushed the flames across dry mountain scrubland.\n\n"
    "\"The fire is not stabilised yet, but we are in a much better position than yesterday,\" the head of the regional emergency service said [[The hectares burned by the fire of the last]] on Monday morning.")

rec("splice", "en",
    "Poland has postponed a tender for the turbine supplier of its first nuclear power plant until next spring, the climate ministry said on Wednesday. The ministry did not give a reason for the delay [[The closing of the offers by the investor in the]]. Several European and American companies had been expected to bid.")

rec("splice", "en",
    "Australia's prime minister [[The visit of the delegation to the]] arrived in Beijing on Saturday for a four-day trip aimed at stabilising trade ties with China, his country's largest export market. He is due to meet President Xi Jinping on Monday.")

rec("splice", "en",
    "Chile's state copper company Codelco said on Tuesday that operations at the El Teniente mine would partially resume next week, after an accident that killed six workers.\n\n"
    "Company officials said [[It is in the sector of the Andes that]] the collapsed section would remain closed while investigators examine the cause of the accident.")

rec("splice", "en",
    "The World Health Organization said on Friday that cholera cases in Sudan had risen [[A number of the localities of Darfur reported]] sharply since the start of the rainy season, with more than 2,000 deaths recorded this year. Aid groups say access to clean water remains the biggest challenge.")

rec("splice", "en",
    "Samsung Electronics forecast a 10% rise in second-quarter operating profit on Tuesday, beating analyst estimates [[The chip division of the memory with the high demand]] as orders for memory chips used in artificial intelligence servers stayed strong.\n\n"
    "Shares in the company rose 2% in Seoul.")

rec("splice", "en",
    "Ukraine and Moldova agreed on Monday to build a new road bridge across the Dniester river, officials from both governments said [[The construction of the crossing will be funded from]] after talks in Chisinau. Kyiv has been looking for more routes to move goods to the European Union since the start of the war.")

rec("splice", "en",
    "Sri Lankan fishermen staged a protest in Jaffna on Thursday against what they said were repeated incursions by Indian trawlers into their waters. Fisheries officials told them [[Both the governments of the countries with the issue]] that the matter would be raised at talks in New Delhi next month, a local lawmaker said [[A meeting on the ministers of the fisheries]] after the protest.")

# ---------------------------------------------------------------- orphan (en)
rec("orphan", "en",
    "Leaders of the Association of Southeast Asian Nations met in Kuala Lumpur on Sunday for a summit dominated by trade tensions and the conflict in Myanmar. Thailand's prime minister, who is recovering from surgery, joined the talks by video link. [[26th]]\n\n"
    "The bloc is expected to formally admit East Timor as its eleventh member before the summit closes on Tuesday.")

rec("orphan", "en",
    "Thousands of junior doctors in South Korea stayed away from work for a third week on Wednesday in protest against a government plan to increase medical school admissions. [[March]] The health ministry said it would begin suspending the licences of doctors who did not return to their posts.")

rec("orphan", "en",
    "Egypt raised fuel prices by up to 15% on Friday, the second increase this year, as it seeks to meet the terms of its loan programme with the International Monetary Fund.\n\n"
    "[[11]] A litre of 92-octane petrol now costs 17.25 pounds, while diesel rose to 15.5 pounds, the petroleum ministry said in a statement.")

rec("orphan", "en",
    "Kazakhstan and Uzbekistan signed an agreement on Wednesday to build a new highway linking Shymkent and Tashkent. The road will cut travel time between the two cities to under two hours. [[km]] Construction is expected to begin next year and will be financed in part by the Asian Development Bank.")

rec("orphan", "en",
    "Mediators from Qatar and Egypt said progress had been made in talks on a ceasefire and the release of hostages, but several issues remained unresolved.\n\n"
    "Negotiators are expected to return to Doha next week. [[on the 14th]]")

rec("orphan", "en",
    "Mount Lewotobi Laki-laki on the Indonesian island of Flores erupted again on Thursday, sending a column of ash eight kilometres into the sky, the volcanology agency said. [[and the]] Several international flights to and from Bali were cancelled as a precaution.")

rec("orphan", "en",
    "Danish shipping group Maersk raised its full-year profit forecast on Thursday, citing higher freight rates as vessels continue to avoid the Red Sea. [[th]]\n\n"
    "The company now expects underlying operating profit of between $8 billion and $9 billion for the year. Its shares rose 6% in Copenhagen. [[2024]]")

rec("orphan", "en",
    "Heavy monsoon rain triggered landslides that killed at least 12 people in western Nepal, police said on Saturday. [[5]] Most of the victims were buried when a hillside gave way above a village in Baglung district.\n\n"
    "Rescuers were still searching for three people reported missing.")

rec("orphan", "en",
    "Norway's Jakob Ingebrigtsen won the 1,500 metres at the Diamond League meeting in Oslo on Thursday, setting a new meeting record in front of his home crowd.\n\n"
    "The 24-year-old crossed the line in 3 minutes 27.14 seconds, ahead of Kenya's Timothy Cheruiyot. [[2nd]] Ingebrigtsen said afterwards that he felt ready for the world championships in September.")

rec("orphan", "en",
    "Pakistan's National Assembly adjourned on Wednesday without voting on the budget, after opposition lawmakers staged a walkout over proposed taxes on salaried workers. The session is due to resume at 10 a.m. on Thursday. [[pm]]")

rec("orphan", "en",
    "Canada's unemployment rate rose to 6.9% in August from 6.8% a month earlier, Statistics Canada said on Friday. [[per cent]] It was the highest rate since 2016 outside the pandemic years.\n\n"
    "Economists said the figures strengthened the case for another interest rate cut in October.")

rec("orphan", "en",
    "Protesters blocked major highways in southern Peru for a second day on Tuesday, demanding the resignation of the regional governor over a water project.\n\n"
    "[[18 of]]\n\n"
    "Police said several officers had been injured in clashes near the city of Arequipa, and that 31 people had been detained.")

rec("orphan", "en",
    "Ireland's government approved a record budget on Tuesday that includes a one-off energy credit for every household and an increase in the state pension.\n\n"
    "The finance minister said the measures were affordable because of strong corporate tax receipts, but warned that such windfalls could not be relied upon in the future. The budget will be debated in parliament next month. [[Friday]]")

rec("orphan", "en",
    "Flash floods swept through the Libyan city of Derna after a dam burst during a violent storm, leaving thousands of people missing.\n\n"
    "[[in]] Officials said entire neighbourhoods near the river bed had been washed into the sea.")

rec("orphan", "en",
    "The Reserve Bank of New Zealand cut its official cash rate by a quarter of a percentage point on Wednesday, citing slowing growth and easing inflation. [[0.25]]\n\n"
    "It was the bank's third consecutive cut. Officials signalled that further reductions were possible if the economy continued to weaken.")

rec("orphan", "en",
    "Polls closed in Morocco's local elections on Wednesday evening, the interior ministry said. [[Sept.]] Turnout stood at just over 50% an hour before voting ended, slightly higher than in the previous elections five years ago.")

rec("orphan", "en",
    "[[of 3]] Vietnam's exports rose 14% in the first half of the year, driven by strong demand for electronics and textiles, the general statistics office said on Saturday.\n\n"
    "Imports grew at a similar pace, leaving the country with a trade surplus of about $11 billion.")

rec("orphan", "en",
    "Authorities in the Greek island of Rhodes ordered the evacuation of three villages on Monday as a wildfire spread towards the coast. [[July]] More than 300 firefighters, backed by water-dropping aircraft, were battling the blaze. [[the]]\n\n"
    "No injuries were reported.")

# ---------------------------------------------------------------- doubled (en)
rec("doubled", "en",
    "The opposition candidate conceded defeat on Sunday night after preliminary results showed him trailing by more than ten points. The vote took place in [[in]] the capital and four other provinces without major incidents, election observers said.")

rec("doubled", "en",
    "The head of the [[of the]] regional council in Valencia resigned on Thursday, a year after deadly floods swept through the region. He had faced months of criticism over the delayed emergency alert sent to residents' phones.")

rec("doubled", "en",
    "Flights between Lisbon and Madeira were cancelled for a second day because of strong winds.\n\n"
    "An airport spokesperson said [[said]] the flights would resume as soon as conditions allowed, and advised passengers to check with their airlines before travelling to the airport.")

rec("doubled", "en",
    "The [[The]] Bangladeshi government on Monday extended a ban on hilsa fishing in the country's rivers by two weeks to protect spawning stocks. Fishermen affected by the ban will receive rice rations, officials said.")

rec("doubled", "en",
    "Vietnamese carmaker VinFast said it plans to [[to]] expand its assembly plant in India and start exporting vehicles to neighbouring countries from next year.\n\n"
    "The company did not say how much it would invest.")

rec("doubled", "en",
    "Colombia's president announced on Tuesday [[on Tuesday]] that peace talks with a rebel group operating along the Venezuelan border would be suspended after an attack on a military base that killed seven soldiers.")

rec("doubled", "en",
    "Striking dock workers in Antwerp returned to work on Friday after unions reached a deal with port operators.\n\n"
    "Under the agreement, the government [[the government]] will review plans to change pension rules for port staff, and overtime pay will rise by 4%. The strike had left dozens of container ships waiting at sea.")

rec("doubled", "en",
    "The Indian Space Research Organisation has [[has]] successfully tested the parachute system for its first crewed space mission, the agency said on Sunday. The test was carried out off the coast of Andhra Pradesh.")

rec("doubled", "en",
    "Hungary's parliament voted on Tuesday to extend the state of emergency for the [[for the]] ninth time, allowing the government to continue ruling by decree. Opposition parties said the measure was no longer justified.")

rec("doubled", "en",
    "Ghana's cocoa regulator said it would raise the price paid to farmers by almost 45% for the new season, in a bid to curb smuggling into neighbouring countries. A [[a]] spokesman said the increase would be funded by higher international prices.\n\n"
    "Farmers' groups welcomed the decision and [[and]] called for payments to be made on time.")

rec("doubled", "en",
    "Thailand's cabinet approved a plan on Tuesday to hand out cash to 14 million low-income people before the end of the year. The payments will [[will]] be made in two instalments, the government spokesman said.")

rec("doubled", "en",
    "A passenger train derailed in northern Mexico on Wednesday, injuring at least [[at least]] 15 people, the state civil protection agency said.\n\n"
    "Three of the injured were in serious condition. The railway operator said it was investigating the cause of the accident.")

rec("doubled", "en",
    "The European Commission opened an investigation on Thursday into whether a Chinese maker of wind turbines received unfair subsidies. The probe was launched after complaints by [[by]] European manufacturers, who say they are being undercut on price in public tenders.")

rec("doubled", "en",
    "Rwanda and the Democratic Republic of Congo signed a peace agreement in Washington on Friday, aimed at ending decades of conflict in eastern Congo.\n\n"
    "The deal commits both sides to respect each other's borders. Diplomats said the [[the]] hardest part would be putting it into practice on the ground.")

# ---------------------------------------------------------------- cut-off (en)
rec("cut-off", "en",
    "Firefighters battle a blaze at a chemical warehouse in the port of Rotterdam, Netherlands, on Monday.\n\n"
    "The fire sent a thick plume of black smoke over the city, and residents in nearby districts were told to keep their windows and doors closed. No injuries were reported.\n\n"
    "[[Firefighters battle a blaze at a chemical warehouse in the po]]")

rec("cut-off", "en",
    "Sri Lanka's central bank held interest rates steady on Wednesday, saying inflation was expected to return to its target by the middle of next year. [[Sri Lanka's central bank held interest rates steady on Wednes]]\n\n"
    "The bank's overnight policy rate remains at 8%.")

rec("cut-off", "en",
    "[[Voters in Chile head to the polls on Sunday to choose]]\n\n"
    "Voters in Chile head to the polls on Sunday to choose a new president, with crime and immigration dominating the campaign. Polls suggest no candidate will win an outright majority, making a run-off in December likely.")

rec("cut-off", "en",
    "The European Commission on Tuesday proposed to phase out all remaining imports of Russian gas by the end of 2027.\n\n"
    "The plan would ban new contracts from next year and end existing short-term deals within months. Hungary and Slovakia, which still rely heavily on Russian pipeline supplies, have said they will oppose it.\n\n"
    "[[The European Commission on Tuesday proposed to phase out all remaining imp\u2026]]\n\n"
    "The proposal needs the approval of member states and the European Parliament.")

rec("cut-off", "en",
    "Fishing boats crowded the harbour of Boulogne-sur-Mer on Thursday as French fishermen protested against new quotas for the Channel.\n\n"
    "\"We are not going to accept rules that put half of our fleet out of business,\" a spokesman for the local fishing committee told reporters. [[\"We are not going to accept rules that put half of our]]\n\n"
    "The protest ended peacefully in the afternoon.")

rec("cut-off", "en",
    "Residents wade through a flooded street in Porto Alegre, Brazil, on May 6.\n\n"
    "[[Residents wade through a flooded str]]\n\n"
    "Record rainfall in Rio Grande do Sul state has forced more than 150,000 people from their homes, and the main airport has been closed until further notice.")

rec("cut-off", "en",
    "South Africa's power utility said on Monday that it had gone 300 days without imposing rolling blackouts, the longest stretch in years.\n\n"
    "The improvement has been credited to better maintenance at ageing coal-fired plants and to a boom in rooftop solar installations.\n\n"
    "[[South Africa's power utility said on Monday that it had gone 300 days without imposing rolling]]")

rec("cut-off", "en",
    "[[Rescue workers carry an injured man from the site of a landslide in Wayanad district, in the southern Indian]]\n\n"
    "Rescue workers carry an injured man from the site of a landslide in Wayanad district, in the southern Indian state of Kerala, on Tuesday.\n\n"
    "Torrential rain set off several landslides before dawn, burying homes and a tea plantation. At least 93 people were killed, officials said.")

rec("cut-off", "en",
    "The Bank of England kept interest rates unchanged at 4% on Thursday, but five of the nine members of its policy committee said they were ready to cut soon. [[The Bank of England kept interest rates unchan]] Sterling fell half a cent against the dollar after the decision.")

rec("cut-off", "en",
    "Mongolia's parliament voted on Friday to dismiss the prime minister after weeks of protests over corruption allegations.\n\n"
    "Lawmakers said a new government would be formed within 30 days. [[Mongolia's parliament voted on Friday to dismiss the]]\n\n"
    "The president has called on all parties to keep the country stable during the transition.")

rec("cut-off", "en",
    "Ethiopia inaugurated the Grand Ethiopian Renaissance Dam on the Blue Nile on Tuesday, more than a decade after construction began.\n\n"
    "Egypt, which depends on the Nile for almost all of its fresh water, has long opposed the project. [[Egypt, which depends on the Nile for almost all of its fresh wa]] Sudan has called for a binding agreement on how the reservoir is filled and operated.")

rec("cut-off", "en",
    "[[A woman walks past a damaged apartment building in Kharkiv after an overnig]]\n\n"
    "A woman walks past a damaged apartment building in Kharkiv after an overnight drone attack on Saturday.\n\n"
    "The regional governor said four people had been injured and that several fires broke out in the city. [[The regional governor said four people had been injured and]]")

rec("cut-off", "en",
    "Kenya's tea exports earned a record amount last year, helped by a weaker shilling and higher prices at the Mombasa auction, the tea board said on Thursday.\n\n"
    "Pakistan, Egypt and the United Kingdom remained the biggest buyers of Kenyan tea. [[Kenya's tea exports earned a record amount last]]")

rec("cut-off", "en",
    "Floodwaters in the southern Nigerian state of Bayelsa began to recede on Monday, but thousands of people remained in temporary camps.\n\n"
    "[[Floodwaters in the southern Nigerian state of Bayelsa began to rec]] Health officials warned of the risk of cholera as clean water ran short in the camps.")

# ---------------------------------------------------------------- German
rec("splice", "de",
    "Bundeskanzler Friedrich Merz hat bei seinem Besuch in Warschau eine engere Zusammenarbeit bei der Verteidigung angekündigt.\n\n"
    "„Polen und Deutschland tragen gemeinsam Verantwortung für die Sicherheit Europas“, sagte Merz [[Die Ergebnisse der Sitzung wurden vom Vorsitz nach dem Treffen]] am Dienstag nach einem Gespräch mit Ministerpräsident Donald Tusk.")

rec("splice", "de",
    "Die Deutsche Bahn will in diesem Jahr mehr als 2000 Kilometer Gleise sanieren. Wegen der Bauarbeiten müssen Fahrgäste auf mehreren Strecken [[Es ist im Bereich der Verbindungen des Nordens, dass]] mit Umleitungen und längeren Fahrzeiten rechnen, teilte das Unternehmen am Mittwoch in Berlin mit.")

rec("orphan", "de",
    "Bei schweren Unwettern in Bayern sind am Wochenende zwei Menschen ums Leben gekommen. Die Feuerwehr rückte zu mehr als 400 Einsätzen aus. [[14.]]\n\n"
    "Besonders betroffen war der Landkreis Rosenheim, wo zahlreiche Keller und Straßen überflutet wurden.")

rec("orphan", "de",
    "Der Ölpreis ist am Montag deutlich gestiegen. [[Juni]] Ein Barrel der Nordseesorte Brent kostete am Nachmittag rund 78 Dollar und damit etwa drei Prozent mehr als am Freitag. Händler verwiesen auf die Spannungen im Nahen Osten.")

rec("doubled", "de",
    "Die Tarifverhandlungen zwischen der Gewerkschaft Verdi und den kommunalen Arbeitgebern sind vorerst gescheitert. Die Gespräche sollen in der [[in der]] kommenden Woche in Potsdam fortgesetzt werden, teilten beide Seiten mit.")

rec("doubled", "de",
    "Die Oberbürgermeisterin von Köln hat [[hat]] am Donnerstag den Entwurf für den neuen Haushalt vorgestellt.\n\n"
    "Er sieht Einsparungen von rund 200 Millionen Euro vor, vor allem bei der Verwaltung und bei Kulturprojekten.")

rec("cut-off", "de",
    "[[Rettungskräfte suchen in den Trümmern des eingestürzten Wohnhauses in Ess]]\n\n"
    "Rettungskräfte suchen in den Trümmern des eingestürzten Wohnhauses in Essen nach Überlebenden. Nach Angaben der Polizei wurden bislang drei Menschen verletzt geborgen, zwei weitere Bewohner werden noch vermisst.")

rec("cut-off", "de",
    "Die Inflation in Deutschland ist im Mai auf 2,1 Prozent gesunken. Das teilte das Statistische Bundesamt am Freitag mit.\n\n"
    "Vor allem Energie war günstiger als ein Jahr zuvor, während Dienstleistungen weiter deutlich teurer wurden.\n\n"
    "[[Die Inflation in Deutschland ist im Mai auf 2,1 Pro]]")

# ---------------------------------------------------------------- French
rec("splice", "fr",
    "Le ministre de l'Intérieur s'est rendu mardi à Marseille après une nouvelle série de fusillades liées au trafic de drogue.\n\n"
    "« Nous ne laisserons pas la situation se dégrader davantage », a déclaré le ministre [[La réunion du comité a été par la présidence annoncée]] lors d'une conférence de presse à la préfecture.")

rec("splice", "fr",
    "Le Sénégal a lancé lundi une campagne de vaccination contre la rougeole qui doit toucher plus de quatre millions d'enfants [[Les doses du ministère par les partenaires de la]] dans l'ensemble du pays, selon le ministère de la Santé. La campagne doit durer dix jours.")

rec("orphan", "fr",
    "Un incendie s'est déclaré dans la nuit de samedi à dimanche dans un entrepôt de la zone industrielle de Rouen. Aucun blessé n'est à déplorer, a indiqué la préfecture. [[13e]]")

rec("orphan", "fr",
    "Le trafic ferroviaire entre Paris et Lyon a été interrompu pendant plusieurs heures jeudi après une panne de signalisation. [[de la]] La SNCF a indiqué que la circulation avait repris en fin d'après-midi, avec des retards importants.\n\n"
    "Plusieurs milliers de voyageurs ont été touchés.")

rec("doubled", "fr",
    "La Cour des comptes s'inquiète de la hausse de la [[de la]] dette publique, qui a dépassé 3 300 milliards d'euros à la fin du premier trimestre. Elle appelle le gouvernement à présenter un plan d'économies crédible.")

rec("doubled", "fr",
    "Le Premier ministre a [[a]] présenté mercredi les grandes lignes du budget pour l'année prochaine.\n\n"
    "Le texte prévoit notamment un gel des pensions de retraite et une réduction du nombre de fonctionnaires.")

rec("cut-off", "fr",
    "Des agriculteurs bloquent l'autoroute A64 près de Toulouse, le 24 janvier.\n\n"
    "[[Des agriculteurs bloquent l'autoroute A64 près de Toul]]\n\n"
    "Les syndicats agricoles réclament des mesures contre la hausse des normes environnementales et la concurrence des importations.")

rec("cut-off", "fr",
    "La Belgique a conclu mardi un accord de gouvernement, plus de sept mois après les élections législatives. [[La Belgique a conclu mardi un accord de gouvernement, plus de sept]]\n\n"
    "Le nouveau Premier ministre doit prêter serment devant le roi dans les prochains jours.")

# ---------------------------------------------------------------- Spanish
rec("splice", "es",
    "El Gobierno aprobó el martes un nuevo paquete de ayudas para los afectados por las inundaciones en la provincia de Valencia.\n\n"
    "«Vamos a seguir trabajando para que ninguna familia quede atrás», dijo el presidente [[Las ayudas de la comunidad por el gobierno central con los]] durante un acto en Paiporta.")

rec("splice", "es",
    "El Banco de México recortó su tasa de interés de referencia en un cuarto de punto, hasta el 7,5%, según un comunicado [[En la decisión de la junta por mayoría de los]] publicado el jueves. Fue el décimo recorte consecutivo.")

rec("orphan", "es",
    "Dos personas murieron y otras cinco resultaron heridas en un accidente de tráfico en la autovía A-4, a la altura de Despeñaperros, informó la Guardia Civil. [[15 de]]")

rec("orphan", "es",
    "Las temperaturas superaron los 44 grados en Córdoba y Sevilla el domingo. [[grados]] La Agencia Estatal de Meteorología mantiene el aviso rojo en varias provincias de Andalucía hasta el martes.\n\n"
    "Las autoridades recomiendan evitar la actividad física al aire libre en las horas centrales del día.")

rec("doubled", "es",
    "El ministro de [[de]] Economía presentó el lunes las previsiones de crecimiento para el próximo año, que sitúan el aumento del PIB en el 2,2%.")

rec("doubled", "es",
    "El presidente de Colombia afirmó el viernes que [[que]] el acuerdo con los transportistas pone fin a una semana de bloqueos en las principales carreteras del país.\n\n"
    "Los camioneros protestaban contra la subida del precio del diésel.")

rec("cut-off", "es",
    "[[Un bombero trabaja en la extinción del incendio forestal en la sie]]\n\n"
    "Un bombero trabaja en la extinción del incendio forestal en la sierra de la Culebra, en Zamora, el pasado sábado.\n\n"
    "El fuego ha calcinado ya más de 20.000 hectáreas y obligado a desalojar a los vecinos de catorce pueblos.")

rec("cut-off", "es",
    "La inflación en Argentina se desaceleró en septiembre por quinto mes consecutivo, según los datos oficiales publicados el martes.\n\n"
    "Los precios subieron un 2,1% respecto a agosto. [[La inflación en Argentina se desaceleró en septiembre por quinto]] El Gobierno atribuye la caída al ajuste fiscal.")


# ------------------------------------------------------------------ building
PUNCT = ",.;:!?"


def cut(text, s, e):
    """Remove text[s:e] with minimal whitespace/punctuation repair."""
    left, right = text[:s], text[e:]
    if left.endswith("\n\n") and right.startswith("\n\n"):
        right = right[2:]
    elif left == "" and right.startswith("\n\n"):
        right = right[2:]
    elif right == "" and left.endswith("\n\n"):
        left = left[:-2]
    elif left.endswith(" ") and right.startswith(" "):
        right = right[1:]
    elif left.endswith(" ") and right[:1] in list(PUNCT):
        left = left.rstrip(" ")
    elif left.endswith(" ") and (right == "" or right.startswith("\n")):
        left = left.rstrip(" ")
    elif (left == "" or left.endswith("\n")) and right.startswith(" "):
        right = right.lstrip(" ")
    return left + right


def build(r, n):
    src = r["src"]
    text, spans, pos, last = [], [], 0, 0
    for m in MARK.finditer(src):
        text.append(src[last:m.start()])
        pos += m.start() - last
        inner = m.group(1)
        spans.append((pos, pos + len(inner), inner))
        text.append(inner)
        pos += len(inner)
        last = m.end()
    text.append(src[last:])
    text = "".join(text)
    assert "[[" not in text and "]]" not in text, src
    assert 1 <= len(spans) <= 2, src
    for s, e, inner in spans:
        assert text[s:e] == inner
        assert inner == inner.strip(), inner
    exp = text
    for s, e, _ in sorted(spans, reverse=True):
        exp = cut(exp, s, e)
    if r["exp"] is not None:
        exp = r["exp"]
    # sanity on expected
    assert "  " not in exp and "\n\n\n" not in exp and exp == exp.strip(), exp
    assert not re.search(r" [,.;!?]", exp), exp
    for s, e, inner in spans:
        if r["kind"] == "cut-off":
            # the truncated copy must be a prefix of a complete sentence elsewhere
            rest = text[:s] + text[e:]
            assert inner.rstrip("\u2026") in rest, inner
        if r["kind"] == "doubled":
            assert text[s - len(inner) - 1:s - 1].lower() == inner.lower(), inner
        if r["kind"] == "splice":
            assert inner[0].isupper(), inner
    return {
        "id": f"blind2-{r['kind']}-{n:03d}",
        "source": "blind2",
        "kind": r["kind"],
        "lang": r["lang"],
        "text": text,
        "bad": [[s, e] for s, e, _ in spans],
        "expected": exp,
    }


def main():
    counters = {}
    out = []
    for r in R:
        counters[r["kind"]] = counters.get(r["kind"], 0) + 1
        out.append(build(r, counters[r["kind"]]))
    ids = [o["id"] for o in out]
    assert len(ids) == len(set(ids))
    with open(OUT, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} records to {OUT}")


if __name__ == "__main__":
    main()
