#!/usr/bin/env python3
"""Build blind3.jsonl (beside this script) from inline-marked records.

Broken spans are marked inline as [[...]]. The script strips the markers,
records [start, end) offsets into the clean text, asserts that
text[start:end] equals the marked span, and derives `expected` by deleting
each span with minimal whitespace repair (or uses an explicit override).
"""
import json
import re
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind3.jsonl")

MARK = re.compile(r"\[\[(.+?)\]\]", re.S)

# (kind, lang, marked_text[, expected_override])
R = []


def add(kind, lang, marked, expected=None):
    R.append((kind, lang, marked, expected))


# ---------------------------------------------------------------- splice / en
add("splice", "en",
    "The Central Bank of Nigeria raised its benchmark interest rate by 50 basis points to 27.75 percent on Tuesday, its sixth increase this year.\n\n"
    "Governor Olayemi Cardoso told reporters in Abuja that [[The decision of the committee members was taken unanimously in view of the]] inflation remained the biggest threat to household incomes and that the bank would keep tightening until prices stabilised.\n\n"
    "Headline inflation eased slightly to 32.7 percent in October, according to the National Bureau of Statistics.")

add("splice", "en",
    "Firefighters in the Greek region of Attica battled a wildfire for a third day on Friday as strong winds pushed the flames toward the northern suburbs of [[A firefighting aircraft drops water over a burning hillside near Varnavas]] Athens, officials said.\n\n"
    "Several villages were evacuated overnight and at least two people were taken to hospital with breathing problems. The fire service said more than 700 firefighters, backed by 35 aircraft, were deployed.")

add("splice", "en",
    "Vietnam's health ministry reported 312 new cases of dengue fever in Hanoi this week, bringing the total for the year to more than 18,000, a figure that [[In the same period last year the city recorded has]] is nearly double last year's level.\n\n"
    "Health officials urged residents to remove standing water from their homes and said spraying would be stepped up in the worst-hit districts.")

add("splice", "en",
    "Police in the Brazilian state of Rio Grande do Sul said on Monday that the number of people missing after the floods had fallen to 41, while [[The state government also announced a package of emergency]] more than 580,000 people remained displaced from their homes.\n\n"
    "The civil defence agency said water levels in the Guaiba river were slowly receding, but warned that more rain was forecast for the weekend.")

add("splice", "en",
    "Pakistan's Election Commission said on Sunday that results from all 266 constituencies would be announced by Monday evening, [[Read more: Imran Khan's party claims victory in Punjab]] despite delays caused by a mobile internet shutdown on polling day.\n\n"
    "Independent candidates backed by the jailed former prime minister were leading in more than 90 seats, according to provisional figures.")

add("splice", "en",
    "Turkish Energy Minister Alparslan Bayraktar said the new gas field in the Black Sea would supply [[The project, which was started in 2020 by the state]] around 30 percent of household demand by the end of next year.\n"
    "Speaking at a ceremony in Filyos, Bayraktar said production would rise to 40 million cubic metres a day once a second floating platform was installed.")

add("splice", "en",
    "Japan's Meteorological Agency warned residents along the coast of Kyushu to prepare for record rainfall and storm surges as Typhoon Shanshan approached [[Waves crash against the sea wall in Kagoshima on Wednesday]] the southwestern island late on Wednesday.\n\n"
    "Airlines cancelled more than 600 domestic flights, and Kyushu Railway suspended bullet train services between Hakata and Kagoshima-Chuo.")

add("splice", "en",
    "Indian External Affairs Minister S. Jaishankar said his talks with his Chinese counterpart in Kazan had been \"candid and constructive,\" adding that [[The two sides also agreed on the earliest that the]] both countries wanted to restore normal patrolling along the Line of Actual Control.\n\n"
    "The agreement follows more than four years of tension after a deadly clash in the Galwan Valley in June 2020.")

add("splice", "en",
    "“Our priority is to protect the jobs of miners in the region,” Polish Deputy Prime Minister Krzysztof Gawkowski said [[This was the opinion expressed by the representatives of the union]] after meeting trade union leaders in Katowice on Friday.\n\n"
    "The government plans to close the last hard-coal mines in Silesia by 2049 under an agreement signed with unions in 2021.")

add("splice", "en",
    "The European Commission proposed on Wednesday to extend temporary protection for Ukrainian refugees until March 2027, giving more than four million people [[According to Eurostat data, the largest number of]] legal certainty about their residence and access to work.\n\n"
    "The proposal must be approved by member states, which are expected to discuss it at a meeting of interior ministers next month.")

add("splice", "en",
    "Residents of the Chilean city of Viña del Mar were allowed to return to [[Chile's President Gabriel Boric declared a state of]] some neighbourhoods on Tuesday after firefighters brought the blaze under control.\n\n"
    "The fires, the deadliest in the country's recent history, killed at least 131 people and destroyed thousands of homes on the hills above the city.")

add("splice", "en",
    "The South African Reserve Bank kept its repo rate unchanged at 8.25 percent on Thursday, with Governor Lesetja Kganyago saying [[It is the seventh consecutive meeting at which the]] the risks to the inflation outlook were still tilted to the upside.\n\n"
    "Four members of the monetary policy committee voted to hold and two favoured a cut of 25 basis points.")

add("splice", "en",
    "Mexico's National Electoral Institute said turnout in Sunday's vote reached about 60 percent, and a quick count showed Claudia Sheinbaum [[The candidate of the ruling Morena party, who was]] winning between 58 and 60 percent of the votes.\n\n"
    "Her main rival, Xóchitl Gálvez, conceded defeat shortly before midnight.")

add("splice", "en",
    "Egypt's cabinet approved a draft law on Thursday that would allow private investors to manage and operate [[In a statement, the ministry stressed the importance]] state-run hospitals, a government spokesman said.\n\n"
    "Doctors' unions have criticised the plan, saying it could raise the cost of treatment for low-income patients. The bill now goes to parliament.")

add("splice", "en",
    "Bangladesh's interim government said on Sunday it would hold talks with student leaders next week [[Students march towards the secretariat in Dhaka on Saturday.]] to discuss a timeline for elections and reforms of the police and judiciary.\n\n"
    "Chief adviser Muhammad Yunus has said elections will be held once key institutions have been overhauled.")

add("splice", "en",
    "Canada's wildfire agency said more than 400 fires were burning across the country on Monday, with about half of them [[Smoke from the fires was visible in]] considered out of control.\n\n"
    "About 26,000 people have been forced from their homes in Alberta and British Columbia. Officials said cooler weather expected later in the week could help crews, but warned of lightning in the north. Thousands of people in Fort Nelson have been told they may not [[The town of about 3,400 is located]] be able to return for several weeks.")

# ---------------------------------------------------------------- splice / de
add("splice", "de",
    "Bundesfinanzminister Jörg Kukies sagte am Mittwoch in Berlin, die Bundesregierung werde [[Die Opposition hatte zuvor scharfe Kritik an dem]] die Mittel für die Sanierung des Schienennetzes in den kommenden Jahren deutlich erhöhen.\n\n"
    "Der Haushaltsausschuss des Bundestages soll sich Ende November mit dem Entwurf befassen. Die Deutsche Bahn begrüßte die Ankündigung.")

add("splice", "de",
    "Nach Angaben der Polizei wurden bei dem Unfall auf der A7 bei Hannover drei Menschen schwer [[Der Fahrer des Lastwagens war nach ersten Erkenntnissen]] verletzt, die Autobahn blieb in Richtung Norden stundenlang gesperrt.\n\n"
    "Ein Rettungshubschrauber brachte einen der Verletzten in die Medizinische Hochschule. Die Unfallursache war zunächst unklar.")

# ---------------------------------------------------------------- splice / fr
add("splice", "fr",
    "Le ministre de l'Intérieur a indiqué mercredi que [[Les forces de l'ordre avaient été déployées dans la]] plus de 300 personnes avaient été interpellées au cours de la nuit dans plusieurs villes du pays.\n\n"
    "Selon le ministère, une quarantaine de policiers et de gendarmes ont été blessés. Des bâtiments publics ont été incendiés à Nanterre et à Lyon.")

add("splice", "fr",
    "La Banque centrale européenne a abaissé jeudi ses taux directeurs de 25 points de base, [[La présidente de l'institution a souligné lors de la]] une décision largement attendue par les marchés.\n\n"
    "Le taux de dépôt passe ainsi à 3,25 %. L'inflation dans la zone euro est tombée à 1,7 % en septembre, sous l'objectif de 2 % pour la première fois depuis 2021.")

# ---------------------------------------------------------------- splice / es
add("splice", "es",
    "El presidente del Gobierno, Pedro Sánchez, anunció este martes que [[El Consejo de Ministros aprobará también la próxima]] el Ejecutivo destinará 10.600 millones de euros a la reconstrucción de las zonas afectadas por la dana en Valencia.\n\n"
    "El paquete incluye ayudas directas a autónomos y empresas, así como moratorias en el pago de hipotecas.")

add("splice", "es",
    "Las autoridades de Colombia informaron que al menos 14 personas murieron [[Según el último balance de la Unidad Nacional para la]] tras el deslizamiento de tierra ocurrido en el municipio de Rosas, en el departamento del Cauca.\n\n"
    "Los equipos de rescate continuaban la búsqueda de desaparecidos el domingo por la tarde. La carretera Panamericana permanece cerrada.")

# ---------------------------------------------------------------- orphan / en
add("orphan", "en",
    "The Philippine Coast Guard said a Chinese vessel fired a water cannon at a government supply boat near Scarborough Shoal on Monday morning. [[10:42]]\n\n"
    "No crew members were injured, but the boat's navigation equipment was damaged, spokesman Jay Tarriela said. Manila summoned a Chinese diplomat to protest the incident.")

add("orphan", "en",
    "Romanian farmers blocked roads near the Ukrainian border for a second day on Tuesday, demanding compensation for losses caused by cheap grain imports. [[Nov. 21]]\n\n"
    "The agriculture ministry said it would meet representatives of the farmers' associations later in the week.")

add("orphan", "en",
    "Voting closed at 8 p.m. local time and counting began immediately, the Central Election Commission said. [[GMT]] First official results are expected early on Monday.\n\n"
    "Turnout stood at 52 percent two hours before polls closed, slightly higher than in the last parliamentary election.")

add("orphan", "en",
    "An earthquake with a preliminary magnitude of 6.1 struck off the west coast of Sumatra shortly before dawn on Saturday, Indonesia's geophysics agency said. [[a.m.]]\n\n"
    "There were no immediate reports of casualties or damage, and no tsunami warning was issued.")

add("orphan", "en",
    "Ethiopia's central bank said on Monday it would allow the birr to float freely against the dollar, a key condition for a new loan programme with the International Monetary Fund.\n"
    "[[14]]\n"
    "The currency fell almost 30 percent in early trading, according to commercial banks in Addis Ababa.")

add("orphan", "en",
    "Thousands of teachers marched through the centre of Buenos Aires on Wednesday to protest against cuts to university funding. [[and the]]\n\n"
    "The government says the budget squeeze is necessary to bring inflation under control and balance public finances.")

add("orphan", "en",
    "The new expressway will cut travel time between Nairobi and Mombasa to under five hours, Kenya's transport ministry said on Thursday. [[km]]\n\n"
    "Construction of the 440-kilometre road, financed through a public-private partnership, is expected to begin next year.")

add("orphan", "en",
    "Leaders of the Gulf Cooperation Council called for an immediate ceasefire in Gaza at the end of their summit in Kuwait City on Sunday. [[12th]]\n\n"
    "The final communique also urged the international community to recognise a Palestinian state.")

add("orphan", "en",
    "Heavy snow disrupts traffic across central Europe\n"
    "[[2 hours ago]]\n"
    "Heavy snowfall disrupted road and rail traffic across Austria, the Czech Republic and southern Germany on Saturday, and Munich airport cancelled hundreds of flights.\n\n"
    "Austrian authorities warned of a high avalanche risk in the Tyrol region.")

add("orphan", "en",
    "Organisers said more than 1.2 million tickets had been sold for the Africa Cup of Nations, a record for the tournament.\n\n"
    "[[2024]] The final will be played at the Alassane Ouattara Stadium in Abidjan on Feb. 11.")

add("orphan", "en",
    "The National Hurricane Center said Hurricane Milton was expected to make landfall near Tampa Bay late on Wednesday as a major storm. [[p.m.]]\n\n"
    "Florida Governor Ron DeSantis urged residents in evacuation zones to leave immediately, warning that the storm surge could reach 15 feet.")

add("orphan", "en",
    "Sri Lanka's parliament was dissolved on Tuesday, two months ahead of schedule. [[Jan.]] President Anura Kumara Dissanayake said a snap election would be held on Nov. 14.\n\n"
    "Dissanayake, who won the presidency on a promise to fight corruption, has only three seats in the outgoing parliament.")

add("orphan", "en",
    "Rescue teams in northern Italy were searching for two hikers who went missing in the Dolomites after a sudden storm on Sunday afternoon.\n\n"
    "[[photo]]\n\n"
    "The alpine rescue service said the search had been suspended overnight because of strong winds and poor visibility.")

add("orphan", "en",
    "New Zealand's economy contracted by 0.2 percent in the second quarter, official data showed on Thursday, narrowly avoiding a technical recession. [[per cent]]\n\n"
    "Economists said the figures strengthened the case for further interest rate cuts by the Reserve Bank.")

add("orphan", "en",
    "More than 200 millimetres of rain fell in parts of Valencia in less than eight hours, turning streets into rivers and sweeping away cars, the state meteorological agency AEMET said. [[mm]]\n\n"
    "Regional authorities set up an emergency shelter in a sports centre for families who had lost their homes.")

add("orphan", "en",
    "Ukraine's state energy company said Russian missiles struck a thermal power plant in the Kharkiv region overnight, causing a fire. [[19:05]]\n\n"
    "Rolling blackouts were introduced in several regions on Friday as engineers worked to repair damaged equipment. [[said]] The Ukrainian air force said it shot down 23 of the 40 missiles launched.")

add("orphan", "en",
    "Singapore Airlines said it would offer compensation to passengers injured when a flight from London hit severe turbulence over Myanmar. [[st]]\n\n"
    "One passenger died and dozens were hurt when the Boeing 777 dropped sharply while cabin crew were serving breakfast.")

# ---------------------------------------------------------------- orphan / de
add("orphan", "de",
    "Bei einem Brand in einem Mehrfamilienhaus in Duisburg sind in der Nacht zum Sonntag zwei Menschen ums Leben gekommen, teilte die Polizei mit. [[Uhr]]\n\n"
    "Die Feuerwehr war mit rund 80 Einsatzkräften vor Ort. Die Brandursache ist noch unklar.")

add("orphan", "de",
    "Die Inflation in Deutschland ist im September auf 1,6 Prozent gesunken, wie das Statistische Bundesamt am Montag mitteilte. [[Okt.]] Vor allem die Energiepreise gingen deutlich zurück.\n\n"
    "Ökonomen rechnen damit, dass die Teuerung zum Jahresende wieder leicht anziehen wird.")

# ---------------------------------------------------------------- orphan / fr
add("orphan", "fr",
    "Le gouvernement espagnol a décrété trois jours de deuil national après les inondations meurtrières dans la région de Valence. [[févr.]]\n\n"
    "Plus de 1 200 militaires ont été mobilisés pour participer aux opérations de secours, selon le ministère de la Défense.")

add("orphan", "fr",
    "Des milliers de personnes ont manifesté samedi à Dakar pour réclamer le maintien de l'élection présidentielle à la date prévue. [[18 h 45]]\n\n"
    "La police a fait usage de gaz lacrymogène pour disperser les manifestants près de la place de l'Obélisque.")

# ---------------------------------------------------------------- orphan / es
add("orphan", "es",
    "El Banco de México recortó este jueves su tasa de interés de referencia en 25 puntos básicos, hasta el 10,5 %, en una decisión dividida de su junta de gobierno.\n"
    "[[hace 3 horas]]\n"
    "La institución señaló que la inflación subyacente ha mantenido una tendencia descendente en los últimos meses.")

add("orphan", "es",
    "Un sismo de magnitud 6,3 sacudió el norte de Chile la madrugada del miércoles, sin que se reportaran daños de consideración, informó el Servicio Sismológico Nacional. [[a. m.]]\n\n"
    "El epicentro se localizó a 40 kilómetros al sureste de Calama, a una profundidad de 110 kilómetros.")

# ---------------------------------------------------------------- doubled / en
add("doubled", "en",
    "More than 500 migrants arrived at the [[the]] port of Lampedusa over the weekend, Italian authorities said on Monday.\n\n"
    "The reception centre on the island, designed for about 400 people, was hosting more than 1,300, according to the Italian Red Cross.")

add("doubled", "en",
    "At least 18 people were killed in the [[in the]] northern province of Balkh when a bus collided with a fuel tanker, a Taliban spokesman said on Wednesday.\n\n"
    "Road accidents are common in Afghanistan because of poorly maintained highways and reckless driving.")

add("doubled", "en",
    "Prosecutors in Seoul said they had raided the offices of three hospitals as part of an investigation into a walkout by trainee doctors, which has now lasted more than [[more than]] four months.\n\n"
    "About 12,000 junior doctors left their jobs in February to protest against a plan to increase medical school admissions.")

add("doubled", "en",
    "Brazilian President [[President]] Luiz Inácio Lula da Silva arrived in Beijing on Thursday for a four-day state visit focused on trade and investment.\n\n"
    "China is Brazil's largest trading partner, buying most of its soybean and iron ore exports.")

add("doubled", "en",
    "The Moroccan government said the reconstruction of villages destroyed by the earthquake in the High Atlas mountains would take five years and cost about $11.7 billion.\n\n"
    "About 50,000 homes were damaged or destroyed by the quake, according [[according]] to official figures.")

add("doubled", "en",
    "Poland's central bank kept its main interest rate at 5.75 percent on Wednesday, in line with the expectations of [[of]] most analysts.\n\n"
    "Governor Adam Glapinski said there was no room for cuts before next year because of uncertainty over energy prices.")

add("doubled", "en",
    "Kenyan police fired tear gas at protesters in Nairobi on Tuesday as thousands took to the streets for a third week to [[to]] oppose proposed tax increases.\n\n"
    "Human rights groups said at least 39 people had been killed since the demonstrations began.")

add("doubled", "en",
    "Ireland's unemployment rate rose to 4.5 percent [[percent]] in August from 4.3 percent in July, the Central Statistics Office said.\n\n"
    "The number of people out of work increased by about 6,000 over the month.")

add("doubled", "en",
    "The Swiss National Bank cut its key interest rate by 25 basis points to 1 percent on Thursday, the third reduction this year.\n\n"
    "Chairman Thomas Jordan said the decision was made possible by easing inflationary pressure, which fell to 1.1 percent in August. The bank [[The bank]] said it was prepared to intervene in foreign exchange markets if necessary.")

add("doubled", "en",
    "Nigeria's state oil company has [[has]] raised the pump price of petrol for the second time in a month, leading to long queues at filling stations in Lagos and Abuja.\n\n"
    "Labour unions threatened a nationwide strike if the increase was not reversed.")

add("doubled", "en",
    "Officials in Manila said the government [[the government]] would spend 12 billion pesos on flood control projects in the capital this year.\n\n"
    "Typhoon Gaemi and monsoon rains flooded large parts of Metro Manila in July, killing at least 30 people.")

add("doubled", "en",
    "British Prime Minister [[Prime Minister]] Keir Starmer said on Monday that the government would bring forward legislation to strengthen workers' rights within 100 days.\n\n"
    "Business groups warned that some of the measures could discourage hiring, particularly among small firms.")

add("doubled", "en",
    "Hungary will [[will]] take over the rotating presidency of the Council of the European Union on July 1, the government in Budapest confirmed.\n\n"
    "Foreign Minister Peter Szijjarto said the presidency would focus on competitiveness, enlargement and migration.")

add("doubled", "en",
    "Thai authorities evacuated more than 2,000 residents from low-lying areas of Chiang Rai on Monday [[on Monday]] after the Kok River burst its banks.\n\n"
    "The Department of Disaster Prevention said water levels in the city centre had risen by more than a metre overnight. Several schools and a hospital were closed, and the [[the]] army was deployed to help with evacuations.")

# ---------------------------------------------------------------- doubled / de
add("doubled", "de",
    "Bei dem Hochwasser in der [[in der]] Steiermark sind nach Angaben der Behörden zwei Menschen ums Leben gekommen.\n\n"
    "Zahlreiche Straßen mussten gesperrt werden, in mehreren Gemeinden fiel der Strom aus.")

add("doubled", "de",
    "Die Gewerkschaft Verdi hat für Donnerstag zu einem Warnstreik an mehreren deutschen Flughäfen aufgerufen. Nach Angaben des Flughafenverbands ADV sind mehr als [[mehr als]] 90.000 Passagiere betroffen.\n\n"
    "Verdi fordert für die Beschäftigten der Luftsicherheit eine Lohnerhöhung von 2,80 Euro pro Stunde.")

# ---------------------------------------------------------------- doubled / fr
add("doubled", "fr",
    "Le Premier ministre a présenté mardi devant l'Assemblée nationale les grandes lignes du budget [[du budget]] pour 2025, qui prévoit 60 milliards d'euros d'économies.\n\n"
    "L'opposition a immédiatement dénoncé un texte « injuste » pour les classes moyennes.")

add("doubled", "fr",
    "Au moins 25 personnes sont mortes dans le naufrage d'une embarcation de migrants au large de [[de]] la Tunisie, selon la garde nationale.\n\n"
    "Les secours ont pu sauver une quinzaine de passagers, originaires pour la plupart d'Afrique subsaharienne.")

# ---------------------------------------------------------------- doubled / es
add("doubled", "es",
    "El Gobierno de Perú declaró el estado de emergencia en [[en]] tres regiones del norte del país por los incendios forestales que han arrasado miles de hectáreas.\n\n"
    "Según el Instituto Nacional de Defensa Civil, al menos 15 personas han muerto desde julio.")

add("doubled", "es",
    "La tasa de desempleo en Argentina subió al 7,6 % en el primer trimestre, informó el [[el]] Instituto Nacional de Estadística y Censos.\n\n"
    "Se trata del nivel más alto desde 2021, en un contexto de fuerte caída de la actividad económica.")

# ---------------------------------------------------------------- cut-off / en
add("cut-off", "en",
    "[[Rescue workers search for survivors in the rubble of a collapsed]]\n"
    "Rescue workers search for survivors in the rubble of a collapsed building in the city of Antakya, where entire blocks were flattened.\n\n"
    "Turkish authorities said on Sunday that the death toll from the earthquake had risen above 3,000, with thousands more injured across ten provinces.\n\n"
    "The disaster management agency AFAD said more than 11,000 search and rescue personnel had been deployed.")

add("cut-off", "en",
    "Kenya suspends deployment of police to Haiti\n"
    "[[The Kenyan government has suspended the planned deployment of 1,000 police officers to Haiti after the…]]\n\n"
    "The Kenyan government has suspended the planned deployment of 1,000 police officers to Haiti after the resignation of Prime Minister Ariel Henry, a senior official said on Tuesday.\n\n"
    "Korir Sing'oei, the principal secretary in the foreign ministry, said Nairobi would wait until a new presidential council was in place.")

add("cut-off", "en",
    "[[Spain's unemployment rate fell to its lowest level since 2008 in the]] Spain's unemployment rate fell to its lowest level since 2008 in the second quarter, as tourism hiring ahead of the summer season offset weakness in industry.\n\n"
    "The National Statistics Institute said the jobless rate dropped to 11.3 percent from 12.3 percent in the first three months of the year.")

add("cut-off", "en",
    "Chile's copper output rose 4.2 percent year-on-year in June, driven by higher production at the Escondida mine, the national statistics agency said on Friday.\n\n"
    "Copper prices have climbed about 15 percent this year on expectations of tighter supply and growing demand from the energy transition.\n\n"
    "[[Chile's copper output rose 4.2 percent year-on-year in June, driven by]]")

add("cut-off", "en",
    "Ghana raises cocoa farmgate price by nearly 45 percent\n"
    "[[Ghana's cocoa regulator on Friday raised the price paid to farmers by nearly]]\n"
    "Ghana's cocoa regulator on Friday raised the price paid to farmers by nearly 45 percent for the new season, as it seeks to curb smuggling to neighbouring countries.\n\n"
    "The Ghana Cocoa Board said farmers would receive 48,000 cedis per tonne, up from 33,120 cedis.")

add("cut-off", "en",
    "Thousands of people marched through central Tbilisi on Sunday evening to protest against a draft law on \"foreign agents,\" which critics say mirrors Russian legislation.\n\n"
    "The ruling Georgian Dream party says the law is needed to make the funding of non-governmental organisations more transparent.\n\n"
    "[[Thousands of people marched through central Tbilisi on Sunday evening to protest]]\n\n"
    "President Salome Zourabichvili has said she will veto the bill, but the party has enough votes in parliament to override her.")

add("cut-off", "en",
    "[[Australia's parliament passed a law on Thursday banning children under 16 from social media...]]\n\n"
    "Australia's parliament passed a law on Thursday banning children under 16 from social media, in one of the world's toughest crackdowns on online platforms.\n\n"
    "The law will require companies such as Meta and TikTok to prevent minors from logging in or face fines of up to 49.5 million Australian dollars.")

add("cut-off", "en",
    "The World Health Organization said on Wednesday that a new mpox strain had been detected in at least 12 countries outside Africa. [[The World Health Organization said on Wednesday that a new mpox strain had]] The agency urged governments to step up surveillance and to vaccinate high-risk groups.\n\n"
    "Most cases of the clade Ib strain have been linked to travel to the Democratic Republic of Congo and neighbouring countries.")

add("cut-off", "en",
    "Argentina's annual inflation slowed to 193 percent in October, the lowest rate this year, the statistics agency INDEC said on Wednesday.\n\n"
    "[[Argentina's annual inflation slowed to 193 percent in]]\n\n"
    "Monthly inflation came in at 2.7 percent, the lowest since November 2021, handing President Javier Milei a political boost as he pushes ahead with deep spending cuts.")

add("cut-off", "en",
    "South Korea's opposition-controlled parliament voted on Saturday to impeach President Yoon Suk Yeol over his short-lived declaration of martial law. [[South Korea's opposition-controlled parliament voted on Saturday to…]]\n\n"
    "The motion passed with 204 votes in favour and 85 against in the 300-seat assembly. Yoon's powers were suspended pending a ruling by the Constitutional Court.")

add("cut-off", "en",
    "[[Heavy rain has triggered landslides in the Nepalese district of]]\n"
    "Heavy rain has triggered landslides in the Nepalese district of Sindhupalchok, killing at least nine people and blocking the main highway to the Chinese border, police said on Monday.\n\n"
    "Rescue teams were using excavators to clear debris, and army helicopters were on standby to evacuate stranded residents.")

add("cut-off", "en",
    "Dutch Prime Minister Dick Schoof said on Tuesday that his cabinet would continue as a caretaker government after the far-right Party for Freedom withdrew from the coalition.\n\n"
    "The PVV, led by Geert Wilders, pulled out in a dispute over asylum policy, leaving the coalition without a majority in parliament.\n"
    "[[Dutch Prime Minister Dick Schoof said on Tuesday that his cabinet would]]\n"
    "New elections are expected in the autumn, the electoral council said.")

add("cut-off", "en",
    "FIFA confirmed on Wednesday that Morocco, Spain and Portugal will jointly host the 2030 World Cup, with three opening matches to be played in South America to mark the tournament's centenary. [[FIFA confirmed on Wednesday that Morocco, Spain and Portugal will]]\n\n"
    "Saudi Arabia was confirmed as host of the 2034 edition at the same virtual congress.")

add("cut-off", "en",
    "[[Sri Lanka's central bank cut its key policy rates by 50 basis points on]]\n\n"
    "Sri Lanka's central bank cut its key policy rates by 50 basis points on Friday, citing easing inflation and the need to support a fragile economic recovery.\n\n"
    "The standing deposit facility rate was lowered to 8.25 percent and the standing lending facility rate to 9.25 percent. [[The standing deposit facility rate was lowered to]]")

# ---------------------------------------------------------------- cut-off / de
add("cut-off", "de",
    "[[Die Europäische Zentralbank hat den Leitzins erneut um 0,25 Prozentpunkte]]\n"
    "Die Europäische Zentralbank hat den Leitzins erneut um 0,25 Prozentpunkte gesenkt. Der Einlagensatz liegt nun bei 3,0 Prozent.\n\n"
    "EZB-Präsidentin Christine Lagarde sagte in Frankfurt, der Kampf gegen die Inflation sei noch nicht ganz gewonnen.")

add("cut-off", "de",
    "Nach tagelangen Regenfällen ist die Oder in Brandenburg über die Ufer getreten. In Frankfurt (Oder) wurde die höchste Alarmstufe ausgerufen.\n\n"
    "[[Nach tagelangen Regenfällen ist die Oder in Brandenburg über die…]]\n\n"
    "Hunderte Helfer von Feuerwehr und Technischem Hilfswerk füllten Sandsäcke, um die Deiche zu verstärken.")

# ---------------------------------------------------------------- cut-off / fr
add("cut-off", "fr",
    "Le Sénégal a annoncé vendredi la fermeture de toutes les bases militaires étrangères sur son territoire d'ici à la fin de l'année 2025. [[Le Sénégal a annoncé vendredi la fermeture de toutes les bases militaires]]\n\n"
    "La France, qui dispose d'environ 350 soldats dans le pays, a indiqué avoir pris acte de cette décision.")

add("cut-off", "fr",
    "[[Le chômage en France a légèrement augmenté au troisième trimestre pour atteindre…]]\n\n"
    "Le chômage en France a légèrement augmenté au troisième trimestre pour atteindre 7,4 % de la population active, selon l'Insee.\n\n"
    "Le nombre de chômeurs au sens du Bureau international du travail s'établit à 2,3 millions de personnes.")

# ---------------------------------------------------------------- cut-off / es
add("cut-off", "es",
    "[[El volcán de Fuego, en Guatemala, entró en una nueva fase eruptiva que obligó a]]\n"
    "El volcán de Fuego, en Guatemala, entró en una nueva fase eruptiva que obligó a evacuar a cerca de 1.000 personas de las comunidades cercanas, informó la Coordinadora Nacional para la Reducción de Desastres.\n\n"
    "El aeropuerto internacional La Aurora suspendió temporalmente sus operaciones por la caída de ceniza.")

add("cut-off", "es",
    "La economía de Uruguay creció un 1,7 % en el segundo trimestre respecto al mismo periodo del año anterior, según datos del Banco Central.\n\n"
    "El crecimiento estuvo impulsado por las exportaciones agrícolas y la recuperación del sector energético.\n\n"
    "[[La economía de Uruguay creció un 1,7 % en el segundo trimestre respecto al]]")

# ---------------------------------------------------------------- extra en (to reach ~60)
add("splice", "en",
    "Ugandan opposition leader Kizza Besigye was charged before a military court in Kampala on Wednesday, his lawyers said, days after he was [[His wife Winnie Byanyima, the executive director of UNAIDS, said]] abducted in neighbouring Kenya.\n\n"
    "Besigye faces charges of illegal possession of firearms and threatening national security.")

add("orphan", "en",
    "The Australian Bureau of Meteorology declared the start of a La Niña event in the Pacific on Tuesday, raising the risk of floods in the eastern states over the summer.\n\n"
    "Farmers in Queensland said they were preparing for a wetter season after two years of drought. [[Tue]]")

add("doubled", "en",
    "Indonesian President Prabowo Subianto said the government would provide free meals [[free meals]] to nearly 83 million schoolchildren and pregnant women by 2029.\n\n"
    "The programme is expected to cost about 71 trillion rupiah in its first year.")

add("cut-off", "en",
    "Police in Oslo said a man had been arrested after a knife attack at a shopping centre injured three people on Saturday afternoon.\n"
    "[[Police in Oslo said a man had been arrested after a knife]]\n"
    "Investigators said the motive for the attack was not yet known, and that there was no indication of terrorism.")


# ================================================================= build

def strip_marks(marked):
    text_parts, spans = [], []
    pos, out_len = 0, 0
    for m in MARK.finditer(marked):
        pre = marked[pos:m.start()]
        text_parts.append(pre)
        out_len += len(pre)
        span_text = m.group(1)
        spans.append((out_len, out_len + len(span_text), span_text))
        text_parts.append(span_text)
        out_len += len(span_text)
        pos = m.end()
    text_parts.append(marked[pos:])
    text = "".join(text_parts)
    assert "[[" not in text and "]]" not in text, marked[:80]
    for s, e, t in spans:
        assert text[s:e] == t, (text[s:e], t)
    return text, [[s, e] for s, e, _ in spans]


def remove_span(text, s, e):
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    if le == -1:
        le = len(text)
    if text[ls:s].strip() == "" and text[e:le].strip() == "":
        # span is a whole line/paragraph: drop it with its separator
        p = ls
        while p > 0 and text[p - 1] == "\n":
            p -= 1
        if p == 0:
            q = le
            while q < len(text) and text[q] == "\n":
                q += 1
            return text[:ls] + text[q:]
        return text[:p] + text[le:]
    left = text[:s]
    right = text[e:]
    lc = left[-1] if left else "\n"
    rc = right[0] if right else "\n"
    if lc == " " and rc == " ":
        right = right[1:]
    elif lc == " " and (rc in ".,;:!?\n"):
        left = left[:-1]
    elif lc == "\n" and rc == " ":
        right = right[1:]
    return left + right


def main():
    counters = {}
    recs = []
    for kind, lang, marked, override in R:
        text, bad = strip_marks(marked)
        assert 1 <= len(bad) <= 2, marked[:80]
        assert "  " not in text, text
        if override is not None:
            expected = override
        else:
            expected = text
            for s, e in sorted(bad, reverse=True):
                expected = remove_span(expected, s, e)
        kept = text
        for s_, e_ in sorted(bad, reverse=True):
            kept = kept[:s_] + " " + kept[e_:]
        assert kept.split() == expected.split(), (kept, expected)
        assert "  " not in expected and " ." not in expected and " ," not in expected, expected
        assert "\n\n\n" not in expected
        assert expected.strip() == expected
        counters[kind] = counters.get(kind, 0) + 1
        rid = "blind3-%s-%03d" % (kind, counters[kind])
        recs.append({"id": rid, "source": "blind3", "kind": kind, "lang": lang,
                     "text": text, "bad": bad, "expected": expected})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(recs), "records to", OUT)


if __name__ == "__main__":
    main()
