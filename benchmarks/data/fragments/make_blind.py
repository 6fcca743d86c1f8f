#!/usr/bin/env python3
"""Build the blind fragments test set (blind.jsonl, blind_keep.txt).

Written without looking at the cleaner or its rules. Every positive is
written with its broken spans marked inline:

    [[bad]]        the span is cut; one adjacent whitespace run is removed
                   with it (the space before it, else the space after it,
                   else the paragraph break around a whole paragraph)
    [[bad|repl]]   the span is replaced literally by repl in `expected`

The marked text is split into pieces (prefix, bad part, suffix), offsets are
computed from the pieces and checked with text[start:end] == bad part.

Usage: python3 make_blind.py [outdir]
"""
import json
import os
import re
import sys

OPEN, CLOSE = "[[", "]]"

# (kind, lang, marked text)
CASES = []


def add(kind, lang, marked):
    CASES.append((kind, lang, marked))


# ---------------------------------------------------------------- splice, en
add("splice", "en",
    "The regional government in Mendoza will double spending on irrigation canals over the next three years, "
    "provincial water minister Carlos Ibarra said [[The water level of the reservoirs was given by the regional "
    "press office following the session of Tuesday]].\n\n"
    "Farmers in the province have lost an estimated 40% of their grape harvest to drought since 2022. "
    "The minister said the first contracts would be awarded before the end of the year.")
add("splice", "en",
    "Two of the four turbines at the Kariba South power station were shut down last week for maintenance, "
    "a senior engineer told Reuters [[This was said by the country's energy department at the end of the inspection "
    "in the presence of]]. Power cuts of up to 12 hours a day have been reported in Harare and Bulawayo since then.")
add("splice", "en",
    "\u201cWe are not going to raise fares this year,\u201d the city's transport commissioner added "
    "[[It is also reported that the decision of the board of directors on Wednesday]].\n\n"
    "The metro system carried 412 million passengers last year, its highest total since 2019. "
    "A new line to the airport is due to open in 2027.")
add("splice", "en",
    "Ivory Coast's exports of processed cashew nuts rose 18% in the first half of the year, the trade ministry noted "
    "[[These data of the statistics office were published by the agency on Friday at]]. "
    "Vietnam and India remain the largest buyers of raw nuts from the country.")
add("splice", "en",
    "The commission has found no evidence of irregularities in the tender for the new coastal highway, "
    "its chairwoman stated [[In the framework of the meeting the working group also of the results]]. "
    "Opposition lawmakers have called for the full report to be published.")
add("splice", "en",
    "Air defences shot down eleven drones over the Belgorod region overnight, according to TASS "
    "[[It is noted that the information about the injured at this time is being specified]]. "
    "Regional authorities said a power line had been damaged near the village of Shebekino.")
add("splice", "en",
    "The Indonesian central bank is prepared to intervene in currency markets to support the rupiah, "
    "deputy governor Arief Santoso was quoted as saying [[At the same time as the meeting of the board of governors "
    "of the regulator last]] by the Antara news agency. The currency has lost nearly 6% against the dollar since June.")
add("splice", "en",
    "The folk festival will move to a larger site on the edge of Galway from next summer, organiser Maeve Donnelly "
    "wrote on social media [[He also recalled that earlier the tickets of the festival were all sold in]].\n\n"
    "Last year's event drew more than 30,000 visitors over three days.")
add("splice", "en",
    "The hospital's emergency department will stay open around the clock despite staff shortages, "
    "the health board's chief executive said [[She the situation with the nurses in the region is described as "
    "difficult but]]. Unions have warned that dozens of posts remain unfilled. A decision on extra funding is "
    "expected next month.")
add("splice", "en",
    "Police have arrested three men in connection with the theft of copper cable from the railway line near Leeds, "
    "a spokesperson told local radio [[They were detained as a result of the operational measures of the officers "
    "of the]]. Services between Leeds and York were suspended for most of Sunday.")
add("splice", "en",
    "The football association fined the club 50,000 euros [[A decision of the disciplinary committee which was "
    "published in]] for crowd trouble during last month's derby. The club said it would appeal.")
add("splice", "en",
    "Researchers at the University of Otago have identified [[An analysis of the samples is carried out by the team "
    "of]] a previously unknown species of giant penguin from fossils found on a beach near Dunedin. "
    "The bird is thought to have stood about 1.6 metres tall.")
add("splice", "en",
    "Turnout in Sunday's municipal elections reached 61%, the electoral commission said "
    "[[There are also data on the number of spoiled ballots in the districts in which]].\n\n"
    "The ruling party won control of 14 of the 20 largest cities, including the capital. "
    "Final results are due on Wednesday.")
add("splice", "en",
    "The airline expects to resume flights between Lagos and Johannesburg in March "
    "[[According to the press service of the company in connection with the]] once it receives two additional "
    "aircraft from its leasing partner. The route was suspended in 2023 over a dispute about landing fees.")
add("splice", "en",
    "Poland's new bridge over the Vistula will have four lanes for cars and a separate cycle path "
    "[[In the city hall they said that the construction of the]], and is due to open in the autumn of 2027. "
    "The project is largely funded by the European Union.")
add("splice", "en",
    "The carmaker has no plans to close its assembly plant in Ontario, chief executive Linda Marsh told reporters "
    "on Thursday [[It was reported earlier by the publication that the plant of]].\n\n"
    "The plant employs about 2,300 people and builds two of the company's best-selling models.")
add("splice", "en",
    "Wholesale electricity prices in Spain fell by almost a third in October, "
    "[[These figures are given in the report of the regulator, which]] helped by strong winds and mild weather. "
    "Analysts expect prices to rise again in the winter months.")
add("splice", "en",
    "The education ministry said in a statement [[The text of the document the press service of the department "
    "did not]] that all schools in the flooded district would reopen on Monday. Some 40 schools have been closed "
    "since the river burst its banks.")
add("splice", "en",
    "\u201cThe team showed real character tonight,\u201d coach Rui Almeida said after the match "
    "[[This is the third victory of the team in a row in the championship at the]].\n\n"
    "The win moved Braga two points clear at the top of the table. They face Benfica away next Sunday.")
add("splice", "en",
    "Japan's chief cabinet secretary said on Tuesday that Tokyo had lodged a formal protest over the incident "
    "[[He also the situation around the islands, which continues to be tense for]]. "
    "The coast guard said the vessels left Japanese waters after about two hours.")
add("splice", "en",
    "Rents in Lisbon rose 11% year on year in the third quarter, according to "
    "[[An estimate of the real estate portal which the national statistics institute]] data published on Wednesday. "
    "The increase was the smallest in two years.")
add("splice", "en",
    "The finance minister said [[The draft of the budget was sent by the cabinet to the deputies after the vote "
    "on]] that the deficit would fall below 3% of GDP next year.\n\n"
    "The opposition leader added [[These plans, as the agency recalls, were also criticized in the]] that the "
    "forecasts were unrealistic. Parliament will vote on the budget in December.")

# ---------------------------------------------------------------- splice, de/fr/es
add("splice", "de",
    "Die Landesregierung will bis 2030 rund 500 neue Windr\u00e4der genehmigen, sagte Umweltministerin Katrin Vogel "
    "am Dienstag [[Die Angaben zu den Fl\u00e4chen wurden vom Ministerium im Anschluss an die Kabinettssitzung des]].\n\n"
    "Naturschutzverb\u00e4nde kritisieren das Tempo der Planungen. Sie f\u00fcrchten um den Bestand seltener Vogelarten.")
add("splice", "de",
    "Der Verein hat den Vertrag mit Trainer Markus Lehner vorzeitig bis 2027 verl\u00e4ngert, teilte der Club am "
    "Mittwoch mit [[Dies wurde in der Sitzung des Aufsichtsrats berichtet, der auch]]. "
    "Lehner hatte die Mannschaft im vergangenen Sommer auf einem Abstiegsplatz \u00fcbernommen.")
add("splice", "de",
    "Nach Angaben der Polizei wurden bei dem Unfall auf der A7 bei Kassel zwei Menschen leicht verletzt "
    "[[Es ist bekannt, dass die Informationen \u00fcber die Ursachen zur Zeit]]. "
    "Die Autobahn war in Richtung Norden drei Stunden lang gesperrt.")
add("splice", "fr",
    "Le gouvernement pr\u00e9voit de r\u00e9duire de 5 % les dotations aux collectivit\u00e9s locales l'an prochain, "
    "a d\u00e9clar\u00e9 le ministre d\u00e9l\u00e9gu\u00e9 au Budget [[Le projet de loi a \u00e9t\u00e9 annonc\u00e9 par le service "
    "de presse \u00e0 l'issue de la r\u00e9union de]].\n\n"
    "Plusieurs associations de maires ont d\u00e9nonc\u00e9 une d\u00e9cision \u00ab injuste \u00bb.")
add("splice", "fr",
    "\u00ab Nous ne c\u00e9derons pas \u00bb, a ajout\u00e9 la secr\u00e9taire g\u00e9n\u00e9rale du syndicat, Claire Moreau "
    "[[Cette information a \u00e9t\u00e9 rapport\u00e9e par l'agence apr\u00e8s la conf\u00e9rence dans le]]. "
    "La gr\u00e8ve des contr\u00f4leurs doit se poursuivre jusqu'\u00e0 vendredi.")
add("splice", "fr",
    "Les ventes de voitures \u00e9lectriques ont progress\u00e9 de 22 % en septembre, selon l'AFP "
    "[[Il est not\u00e9 que les chiffres de l'association des constructeurs pour le mois de]]. "
    "La part de march\u00e9 des mod\u00e8les hybrides reste stable.")
add("splice", "es",
    "El Gobierno aprobar\u00e1 el martes un paquete de ayudas para los agricultores afectados por la sequ\u00eda, "
    "dijo la ministra de Agricultura [[El nivel de los embalses fue comunicado por la oficina de prensa despu\u00e9s "
    "de la sesi\u00f3n del]].\n\n"
    "Las organizaciones agrarias reclaman estas medidas desde hace meses.")
add("splice", "es",
    "El club confirm\u00f3 que el delantero estar\u00e1 de baja al menos seis semanas, seg\u00fan inform\u00f3 la agencia EFE "
    "[[La lesi\u00f3n de la rodilla se produjo en el entrenamiento del equipo que el]]. "
    "El jugador se perder\u00e1 el partido de Copa ante el Betis.")
add("splice", "es",
    "La alcald\u00eda instalar\u00e1 300 nuevas c\u00e1maras de vigilancia en el centro hist\u00f3rico "
    "[[Esta informaci\u00f3n fue dada por el portavoz en la rueda de prensa de]] antes de que termine el a\u00f1o, "
    "informaron fuentes municipales. La oposici\u00f3n ha criticado el coste del proyecto.")

# ---------------------------------------------------------------- orphan, en
add("orphan", "en",
    "The mayor, who is recovering from knee surgery, took part in the council meeting by telephone. [[21st]]\n\n"
    "Councillors voted 9-4 to approve the new parking scheme for the town centre. It will come into force in April.")
add("orphan", "en",
    "Shares in the retailer closed 4.3% lower in London on Tuesday. [[2]] Analysts said the profit warning had been "
    "widely expected after a weak Christmas trading period.")
add("orphan", "en",
    "The two leaders agreed to set up a joint working group on energy security. [[and]]\n\n"
    "The next round of talks is scheduled for early December in Baku. Officials did not say who would lead the "
    "delegations.")
add("orphan", "en",
    "The hosts never recovered after conceding twice in the opening ten minutes. [[the]] Their coach described the "
    "performance as unacceptable and promised changes for Saturday's game.")
add("orphan", "en",
    "Construction of the new terminal is expected to cost about $1.2 billion and take four years. [[March]]\n\n"
    "The airport handled 18 million passengers last year, well above its design capacity.")
add("orphan", "en",
    "The fire was brought under control shortly before midnight, the fire service said. [[pm]] "
    "Residents of 40 homes were allowed to return on Sunday morning.")
add("orphan", "en",
    "Trading on the Nairobi Securities Exchange was suspended for an hour on Monday because of a technical fault. "
    "The exchange said no orders had been lost. [[am]]")
add("orphan", "en",
    "The study, published in the journal Nature Medicine, followed more than 12,000 patients over eight years. "
    "[[of the]]\n\n"
    "The authors said further research was needed before the findings could change clinical practice.")
add("orphan", "en",
    "Alvarez finished fourth after a slow pit stop cost him two places. [[3rd]] The Mexican remains 40 points clear "
    "in the drivers' championship with five races left.")
add("orphan", "en",
    "The ministry has not published updated unemployment figures since the summer. [[2024]]\n\n"
    "Economists say the delay makes it harder to judge the impact of the new labour law.")
add("orphan", "en",
    "The prime minister will travel to Canberra on Friday for talks with his Australian counterpart. "
    "Trade and defence are expected to top the agenda. [[in]]")
add("orphan", "en",
    "The bill now goes to the Senate, where its passage is far from certain. [[said]]\n\n"
    "Several senators from the governing coalition have said they will vote against it.")
add("orphan", "en",
    "The governor attended the opening of the new children's hospital in Recife on Saturday. [[19th]]\n\n"
    "The hospital has 220 beds and will treat patients from across the north-east. [[and]] Its first patients are "
    "expected to be admitted next week.")
add("orphan", "en",
    "Heavy rain is expected to continue across Kerala until Thursday, the weather office said. [[five]] "
    "Schools in three districts will remain closed as a precaution.")

# ---------------------------------------------------------------- orphan, de/fr/es
add("orphan", "de",
    "Der Ministerpr\u00e4sident nahm wegen einer Erk\u00e4ltung per Video an dem Treffen teil. [[19.]]\n\n"
    "Die Gespr\u00e4che \u00fcber die Finanzierung der Krankenh\u00e4user sollen im Januar fortgesetzt werden.")
add("orphan", "de",
    "Die Bahn will die Strecke zwischen Hamburg und Berlin ab Montag wieder vollst\u00e4ndig freigeben. [[und]] "
    "Pendler m\u00fcssen in den ersten Tagen dennoch mit Versp\u00e4tungen rechnen.")
add("orphan", "de",
    "Die Feuerwehr war mit 80 Einsatzkr\u00e4ften vor Ort und konnte ein \u00dcbergreifen der Flammen verhindern. "
    "Verletzt wurde niemand. [[Uhr]]")
add("orphan", "fr",
    "Le pr\u00e9sident a particip\u00e9 \u00e0 la r\u00e9union par visioconf\u00e9rence depuis l'\u00c9lys\u00e9e. [[19e]]\n\n"
    "Les dirigeants europ\u00e9ens doivent se retrouver \u00e0 Bruxelles le mois prochain.")
add("orphan", "fr",
    "Le ch\u00f4mage a recul\u00e9 de 0,2 point au troisi\u00e8me trimestre, selon l'Insee. [[et]] "
    "Les \u00e9conomistes restent toutefois prudents pour l'an prochain.")
add("orphan", "fr",
    "Une trentaine de personnes ont \u00e9t\u00e9 \u00e9vacu\u00e9es par pr\u00e9caution, a pr\u00e9cis\u00e9 la pr\u00e9fecture. "
    "Aucun bless\u00e9 n'est \u00e0 d\u00e9plorer. [[le]]")
add("orphan", "es",
    "Los agentes detuvieron a dos sospechosos en un piso del barrio de Triana, seg\u00fan la Polic\u00eda Nacional. "
    "[[2]]\n\n"
    "La investigaci\u00f3n sigue abierta y no se descartan m\u00e1s detenciones.")
add("orphan", "es",
    "El Ejecutivo aprob\u00f3 la subida del salario m\u00ednimo tras la reuni\u00f3n del Consejo de Ministros. [[y]]\n\n"
    "Los sindicatos celebraron la medida, mientras que la patronal la calific\u00f3 de precipitada.")
add("orphan", "es",
    "El equipo cay\u00f3 por 2-0 en su visita al Sevilla. [[de]] Los aficionados despidieron a los jugadores con "
    "pitos al final del partido.")

# ---------------------------------------------------------------- doubled, en
add("doubled", "en",
    "The minister met with [[with]] representatives of the mining unions on Thursday to discuss the new safety "
    "rules. The talks will continue next week.")
add("doubled", "en",
    "The value of [[of]] agricultural exports rose to a record $4.1 billion last year, driven by soybeans and beef. "
    "The government expects a further increase this year.")
add("doubled", "en",
    "Police said the [[the]] driver of the lorry had been arrested at the scene on suspicion of drink-driving. "
    "The road was closed for several hours.")
add("doubled", "en",
    "The council plans to [[to]] sell the former library building to a housing association. "
    "Residents have launched a petition against the sale.")
add("doubled", "en",
    "Unemployment in [[in]] the eastern provinces remains above 12%, more than twice the national average. "
    "The government has promised new investment in the region.")
add("doubled", "en",
    "The mining company reported a [[a]] net loss of 230 million rand for the first half, citing lower platinum "
    "prices. Its shares fell 5% in Johannesburg.")
add("doubled", "en",
    "Flooding hit Porto Alegre and [[and]] several neighbouring towns over the weekend. "
    "More than 3,000 people were forced to leave their homes.")
add("doubled", "en",
    "The court sentenced the former mayor to eight years in prison for [[for]] fraud and money laundering. "
    "His lawyers said they would appeal.")
add("doubled", "en",
    "The new vaccine is [[is]] expected to be available in pharmacies from October, the health agency said. "
    "It will be offered free of charge to people over 65.")
add("doubled", "en",
    "The prosecutor told the court that [[that]] the evidence had been obtained lawfully. "
    "The defence had argued that the search of the suspect's flat was illegal.")
add("doubled", "en",
    "The head of the [[of the]] national statistics office resigned on Monday after a row over inflation data. "
    "Her deputy will take over until a successor is appointed.")
add("doubled", "en",
    "The vote on [[on]] the new constitution will be held in May, the electoral commission announced. "
    "The draft was approved by [[by]] parliament last week after months of debate.")

# ---------------------------------------------------------------- doubled, de/fr/es
add("doubled", "de",
    "Die Ministerin sprach am Montag mit [[mit]] Vertretern der Gewerkschaften \u00fcber die geplante Reform. "
    "Eine Einigung gab es nicht.")
add("doubled", "de",
    "Die Preise f\u00fcr [[f\u00fcr]] Heiz\u00f6l sind im November deutlich gestiegen. "
    "Verbrauchersch\u00fctzer raten dazu, mit dem Kauf noch zu warten.")
add("doubled", "de",
    "Das Spiel in [[in]] Dortmund endete nach einer turbulenten zweiten Halbzeit 2:2. "
    "Beide Teams bleiben damit im Mittelfeld der Tabelle.")
add("doubled", "fr",
    "Le nombre de [[de]] demandeurs d'emploi a baiss\u00e9 de 1,5 % au troisi\u00e8me trimestre. "
    "C'est la quatri\u00e8me baisse cons\u00e9cutive.")
add("doubled", "fr",
    "Le sommet se tiendra \u00e0 [[\u00e0]] Marseille les 12 et 13 juin, a annonc\u00e9 l'\u00c9lys\u00e9e. "
    "Une vingtaine de chefs d'\u00c9tat sont attendus.")
add("doubled", "es",
    "La tasa de [[de]] paro baj\u00f3 al 11,2 % en el tercer trimestre, seg\u00fan el INE. "
    "Es la cifra m\u00e1s baja desde 2008.")
add("doubled", "es",
    "Las lluvias torrenciales causaron graves da\u00f1os en [[en]] Valencia y otros municipios de la costa. "
    "Los servicios de emergencia realizaron m\u00e1s de 200 rescates.")

# ---------------------------------------------------------------- cut-off, en
add("cut-off", "en",
    "[[The central bank raised its key interest rate by half a percentage point to 7.25% on Thursday, its fourth "
    "increase this y]]\n\n"
    "The central bank raised its key interest rate by half a percentage point to 7.25% on Thursday, its fourth "
    "increase this year. Inflation reached 9.1% in September, the highest level in a decade.")
add("cut-off", "en",
    "[[Rescue teams were still searching for survivors on Sunday after a landslide buried part of the]] "
    "Rescue teams were still searching for survivors on Sunday after a landslide buried part of the village of "
    "Maua in Kenya's Meru county. At least 14 people have been confirmed dead.")
add("cut-off", "en",
    "Workers at the port of Antwerp walked out on Monday over plans to automate two container terminals. "
    "The union said the strike would continue until the company agreed to reopen negotiations.\n\n"
    "Shipping lines have begun diverting vessels to Rotterdam.\n\n"
    "[[The union said the strike would continue until the company]]")
add("cut-off", "en",
    "The new road safety law takes effect on January 1. [[The new road safety law takes eff]] Officials expect "
    "the number of speeding fines to double in the first year.")
add("cut-off", "en",
    "\u201cWe will not accept any deal that puts jobs in this region at risk,\u201d the union leader said.\n\n"
    "[[\u201cWe will not accept any deal that puts]]\n\n"
    "Talks between the two sides are due to resume on Friday.")
add("cut-off", "en",
    "[[Hundreds of residents were evacuated from their homes in northern Queensland on Monday as floodwaters]]\n\n"
    "Hundreds of residents were evacuated from their homes in northern Queensland on Monday as floodwaters "
    "continued to rise. Emergency services said more rain was forecast for the coming days.")
add("cut-off", "en",
    "The city council approved a plan on Tuesday to build 5,000 affordable homes by 2030. "
    "The plan includes the conversion of several disused office blocks.\n\n"
    "[[The city council approved a plan on Tuesday to build 5,000 affordable homes by]]\n\n"
    "Opposition councillors said the target was not ambitious enough.")
add("cut-off", "en",
    "Scientists in Chile have recorded the largest solar flare of the current cycle. "
    "[[The flare caused a brief radio blackout over parts of South Amer]]\n\n"
    "The flare caused a brief radio blackout over parts of South America on Wednesday afternoon. "
    "No damage to satellites has been reported.")
add("cut-off", "en",
    "The Home Office project has been dogged by problems since 2021. "
    "[[The government has ordered an independent review of the contract for the]] "
    "The government has ordered an independent review of the contract for the new border IT system after it ran "
    "two years late. The review is due to report by the summer.")
add("cut-off", "en",
    "Manchester United have signed Brazilian midfielder Caio Ramos on a five-year contract from Fluminense.\n\n"
    "The 21-year-old made 64 appearances for the Rio club.\n\n"
    "[[Manchester United have signed Brazilian midfielder Caio Ramos on a five-year contract from]]")

# ---------------------------------------------------------------- cut-off, de/fr/es
add("cut-off", "de",
    "[[Die Europ\u00e4ische Zentralbank hat den Leitzins am Donnerstag um 0,25 Prozentpunkte ge]]\n\n"
    "Die Europ\u00e4ische Zentralbank hat den Leitzins am Donnerstag um 0,25 Prozentpunkte gesenkt. "
    "Es ist die dritte Senkung in diesem Jahr.")
add("cut-off", "de",
    "Bei einem Brand in einer Lagerhalle in Bremen ist ein Schaden in Millionenh\u00f6he entstanden. "
    "[[Bei einem Brand in einer Lagerhalle in Bremen ist ein]] Die Ursache des Feuers ist noch unklar.")
add("cut-off", "fr",
    "[[Le Parlement a adopt\u00e9 mardi le projet de loi sur la fin de vie apr\u00e8s des]]\n\n"
    "Le Parlement a adopt\u00e9 mardi le projet de loi sur la fin de vie apr\u00e8s des mois de d\u00e9bats. "
    "Le texte doit encore \u00eatre examin\u00e9 par le S\u00e9nat.")
add("cut-off", "fr",
    "Le club lyonnais a annonc\u00e9 le d\u00e9part de son entra\u00eeneur apr\u00e8s une s\u00e9rie de cinq d\u00e9faites. "
    "Un successeur devrait \u00eatre nomm\u00e9 dans la semaine.\n\n"
    "[[Le club lyonnais a annonc\u00e9 le d\u00e9part de son entra\u00eeneur apr\u00e8s une s\u00e9]]")
add("cut-off", "es",
    "[[El Banco de M\u00e9xico mantuvo su tasa de inter\u00e9s en el 10,5 % por segunda reuni\u00f3n consecu]]\n\n"
    "El Banco de M\u00e9xico mantuvo su tasa de inter\u00e9s en el 10,5 % por segunda reuni\u00f3n consecutiva. "
    "Los analistas esperaban la decisi\u00f3n.")
add("cut-off", "es",
    "Un terremoto de magnitud 6,1 sacudi\u00f3 el sur de Per\u00fa la madrugada del domingo. "
    "No se han reportado v\u00edctimas.\n\n"
    "[[Un terremoto de magnitud 6,1 sacudi\u00f3 el sur de]]")

# ---------------------------------------------------------------- other
# untranslated source-language sentence left in the English text
add("other", "en",
    "The French president will visit Nigeria next week for talks on trade and security. "
    "[[Le pr\u00e9sident se rendra au Nigeria la semaine prochaine.]] It will be his first trip to West Africa since "
    "2023.")
add("other", "en",
    "Colombia's congress approved the pension reform late on Wednesday by 49 votes to 32. "
    "[[La reforma entrar\u00e1 en vigor en julio.]] The reform will take effect in July, the labour ministry said.")
# neural MT repetition loop
add("other", "en",
    "More than 300 buildings were damaged in the earthquake, including schools"
    "[[, including schools, including schools, including schools|]]. "
    "The authorities have set up temporary shelters in the main square.")
# a dangling sentence fragment with no verb
add("other", "en",
    "The ministry did not say how many people had been detained. [[In connection with this, the.]] "
    "Human rights groups put the figure at more than 200.")
# a word left untranslated, replaced by its translation
add("other", "en",
    "Police said the driver of the second car was [[leicht verletzt|slightly injured]] and taken to hospital in "
    "Passau. The motorway was closed for two hours.")
# the tail of the previous sentence echoed after it
add("other", "en",
    "Officials from both countries said the negotiations would resume next week. [[resume next week.]] "
    "No venue has been announced.")
# stray closing quotation mark left by sentence splitting
add("other", "en",
    "\u201cWe have done everything we could,\u201d the coach said.[[\u201d|]] "
    "The club will appeal against the red card shown to its captain.")
add("other", "de",
    "Die Polizei nahm am Abend zwei Verd\u00e4chtige fest. [[Police said the investigation is ongoing.]] "
    "Weitere Einzelheiten wurden zun\u00e4chst nicht bekannt.")
add("other", "fr",
    "L'incendie a d\u00e9truit plusieurs b\u00e2timents publics, dont des \u00e9coles"
    "[[, dont des \u00e9coles, dont des \u00e9coles|]]. "
    "Les pompiers sont rest\u00e9s sur place toute la nuit.")
add("other", "es",
    "El ministerio no precis\u00f3 cu\u00e1ntas personas fueron detenidas. [[En relaci\u00f3n con esto, el.]] "
    "Las organizaciones de derechos humanos hablan de m\u00e1s de cien.")


KEEP = r"""# blind_keep.txt: well-formed lines that look risky but are correct and must stay unchanged.
# One sentence or short paragraph per line; a literal \n stands for a line break.
# Titles and names with capitalized function words
The case will be heard at the International Court of Justice in The Hague next month.
Tickets for the reunion tour by The Who went on sale on Friday morning.
The report was first published by The New York Times on Sunday.
She starred in a 2017 horror film called It, which earned more than $700 million worldwide.
The episode was first broadcast on This American Life in 2012.
Three people were killed in the blast, said The Associated Press.
The burger chain In-N-Out opened its first restaurant in Tennessee this year.
The English band The The will play two concerts in London in May.
A senior official told The Times of India that the talks had stalled.
He told The Guardian that he had no plans to resign.
Residents of The Bronx voted overwhelmingly in favour of the proposal.
The festival takes place every August in An Daingean, County Kerry.
Parcel deliveries by An Post rose 12% last year.
The book club chose Tommy Orange's novel There There for its October meeting.
The singer performed at A Coru\u00f1a's Riazor stadium on Saturday night.
Police in Le Havre said two men had been detained.
Fans travelled from Los Angeles and El Paso for the final.
The interview was published in Die Zeit on Thursday.
The series won three awards, The Hollywood Reporter said.
The proposal is backed by A Better Future, a coalition of environmental groups.
Shares in The Hut Group fell 7% in early trading.
Childish Gambino's This Is America won Record of the Year at the 2019 Grammys.
The minister gave her first interview since the election to This Week on Sunday.
A company spokeswoman said In-N-Out had no plans to expand to the East Coast.
The minister told This Morning that the scheme would be extended.
The ruling was welcomed by officials in The Hague, the foreign ministry said.
A spokesman said An Post would hire 1,500 seasonal workers before Christmas.
According to The Economist, the reforms have stalled.
# Quoted speech
The minister said: "The current situation is under control."
He added: "This is a historic day for our country."
The coach said, "It was a difficult match, but we deserved to win."
"These measures will protect jobs," she said. "They are not a luxury."
According to the ministry, "The negotiations will continue next week."
The spokesman told reporters: "There is no evidence of foul play."
"In the end, we simply ran out of time," the captain said.
# Headlines and datelines
NAIROBI, March 4 (Reuters) - Kenya's central bank held its benchmark rate at 10.75% on Tuesday.
BERLIN \u2014 The German government approved a draft budget for 2026 on Wednesday.
Flood Warnings Issued As The River Severn Rises
Parliament Approves New Budget After All-Night Session
Published 19 March 2024, updated 20 March 2024
Updated at 4.15 pm
# Numbers and ordinals that belong to the sentence
The summit will take place on the 19th.
The striker scored 2 goals as City beat Brighton 3-1.
The details are set out in Chapter 19 of the report.
The team finished 3rd in the league last season.
Article 5 of the treaty obliges members to defend each other.
The race will be run over 19 laps.
The motion passed by 52 votes to 48.
The winners will be announced on March 19.
Final score: Boca Juniors 2, River Plate 1
Tickets cost \u20ac19 for adults and \u20ac9 for children under 12.
The retailer filed for Chapter 11 bankruptcy protection in Delaware.
# Results lines and lists
Results: Arsenal 2 Chelsea 1; Liverpool 0 Everton 0; Leeds 3 Fulham 2
Men's 100m final: 1. D. Okafor (NGR) 9.86; 2. T. Brandt (GER) 9.91; 3. L. Moreira (BRA) 9.93
The bloc's founding members are Brazil, Russia, India, China and South Africa.
Shortlisted cities: Lyon, Porto, Gdansk and Bilbao
# Legitimately repeated words
She had had enough of the delays, she told the inquiry.
He argued that that decision had been taken without any consultation.
"What the problem is is that there is no money left," the mayor said.
Users will have to log in in the coming weeks to keep their accounts active.
The bill's opponents finally gave in in the early hours of Thursday.
Students who do do the extra coursework receive additional credit.
# Abbreviations and times
The talks were constructive, U.S. officials said.
Dr. Amina Yusuf, head of the clinic, said the results were encouraging.
He landed at 11 a.m. The talks began an hour later.
Polling stations will open at 7 am and close at 9 pm.
Press conference: Thursday at 10 am
Kickoff: 8 pm
# Paragraphs with line breaks
Photo: Reuters\nThe minister speaks at a news conference in Dushanbe on Thursday.
Kenya holds rates steady\nThe central bank kept its benchmark rate unchanged for a third meeting.
# German, French and Spanish
Die Frauen, die die Petition unterschrieben haben, wurden ins Rathaus eingeladen.
Der Mann, der der Polizei den Hinweis gab, m\u00f6chte anonym bleiben.
Das berichtete Die Zeit am Donnerstag.
\u00ab Nous nous sommes battus jusqu'au bout \u00bb, a d\u00e9clar\u00e9 l'entra\u00eeneur.
Le film sera pr\u00e9sent\u00e9 au festival de Cannes, a indiqu\u00e9 Le Monde.
Le sommet aura lieu le 19 juin \u00e0 Paris.
El presidente de La Rioja visit\u00f3 El Salvador en marzo.
As\u00ed lo inform\u00f3 El Pa\u00eds en su edici\u00f3n del domingo.
El partido comenzar\u00e1 a las 21.00 horas.
"""


MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def parse(marked):
    """Split marked text into pieces; return text, spans, replacements."""
    pieces, spans, repls = [], [], []
    pos = 0
    text = ""
    for m in MARK.finditer(marked):
        prefix = marked[pos:m.start()]
        body = m.group(1)
        if "|" in body:
            bad, repl = body.split("|", 1)
        else:
            bad, repl = body, None
        text += prefix
        start = len(text)
        text += bad
        end = len(text)
        spans.append([start, end])
        repls.append(repl)
        pieces.append((prefix, bad))
        pos = m.end()
    text += marked[pos:]
    assert OPEN not in text and CLOSE not in text, marked
    for (s, e), (_, bad) in zip(spans, pieces):
        assert text[s:e] == bad, (text[s:e], bad)
    return text, spans, repls


def cut_range(text, s, e):
    """The range removed for a cut span: the span plus one adjacent whitespace run."""
    if s > 0 and text[s - 1] == " ":
        return s - 1, e
    if e < len(text) and text[e] == " ":
        return s, e + 1
    if text[max(0, s - 2):s] == "\n\n" and (e == len(text) or text[e:e + 2] == "\n\n"):
        return s - 2, e
    if s == 0 and text[e:e + 2] == "\n\n":
        return s, e + 2
    raise ValueError("no whitespace rule for span %r in %r" % (text[s:e], text))


def build_expected(text, spans, repls):
    out = text
    for (s, e), repl in sorted(zip(spans, repls), key=lambda x: -x[0][0]):
        if repl is None:
            a, b = cut_range(text, s, e)
            out = out[:a] + out[b:]
        else:
            out = out[:s] + repl + out[e:]
    return out


def check_expected(exp, rid):
    bad = ["  ", " .", " ,", "\n\n\n", " \n", "\n ", "[[", "]]"]
    for b in bad:
        assert b not in exp, (rid, b, exp)
    assert exp == exp.strip(), (rid, exp)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    counters = {}
    records = []
    seen = set()
    for kind, lang, marked in CASES:
        text, spans, repls = parse(marked)
        assert text not in seen, text
        seen.add(text)
        counters[kind] = counters.get(kind, 0) + 1
        rid = "blind-%s-%03d" % (kind, counters[kind])
        exp = build_expected(text, spans, repls)
        check_expected(exp, rid)
        assert exp != text
        assert 1 <= len(spans) <= 2
        # at least two sentences of prose around the defect
        assert len(re.findall(r"[.!?\u00bb\u201d]( |\n|$)", exp)) >= 2, (rid, exp)
        records.append({"id": rid, "source": "blind", "kind": kind, "lang": lang,
                        "text": text, "bad": spans, "expected": exp})
    with open(os.path.join(outdir, "blind.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    keep = KEEP
    # decode \uXXXX escapes only (a literal \n stays a two-character line-break marker)
    keep = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), keep)
    lines = keep.strip("\n").split("\n")
    assert len(set(l for l in lines if not l.startswith("#"))) == len([l for l in lines if not l.startswith("#")])
    with open(os.path.join(outdir, "blind_keep.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    n_keep = sum(1 for l in lines if l and not l.startswith("#"))
    print("records:", len(records), "keep lines:", n_keep)


if __name__ == "__main__":
    main()
