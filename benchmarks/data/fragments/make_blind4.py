#!/usr/bin/env python3
"""Build the blind4 labelled test set.

Each record is written with its broken spans marked inline as [[...]].
The markers are stripped, offsets are recorded and checked, and the
`expected` text is produced by deleting the spans and doing minimal
whitespace/punctuation repair (or is given explicitly where that needs
an editor's touch).
"""
import json
import os
import re
from collections import Counter

MARK = re.compile(r"\[\[(.+?)\]\]", re.S)

R = []  # (kind, lang, marked_text, explicit_expected_or_None)


def rec(kind, lang, text, expected=None):
    R.append((kind, lang, text, expected))


# ---------------------------------------------------------------- EN splice
rec("splice", "en",
    "Kenya's Ministry of Agriculture said [[The distribution in the counties was confirmed on the side of the]] "
    "subsidised fertiliser would reach farmers in the Rift Valley before the long rains begin in March. "
    "About 1.2 million registered farmers are eligible for the scheme.\n\n"
    "The price of a 50-kilogram bag has been cut to 2,500 shillings, roughly half the market rate, officials said. "
    "Farmer groups welcomed the move but warned that previous deliveries had arrived weeks late.")

rec("splice", "en",
    "Floodwaters in north-eastern Bangladesh have cut off more than 300 villages in Sylhet and Sunamganj districts, "
    "[[In the statement of the disaster management of Monday it was]] leaving tens of thousands of families without "
    "clean drinking water. The army has been deployed to help with evacuations.\n\n"
    "The Meteorological Department has forecast more heavy rain in the region until the end of the week.")

rec("splice", "en",
    "Electoral authorities in Peru said on Sunday that [[This is the first time that the counting of the votes in the]] "
    "turnout in the regional and municipal elections reached 78 percent, slightly higher than four years ago. "
    "Official results for Lima are expected by Wednesday.")

rec("splice", "en",
    "The Chilean state copper company Codelco [[According to the report published by the company in the first half]] "
    "produced 1.32 million tonnes of copper last year, its lowest output in a quarter of a century. "
    "The company blamed delays at new projects and accidents at its El Teniente mine.\n\n"
    "Chile is the world's largest copper producer, and Codelco's earnings are a key source of government revenue.")

rec("splice", "en",
    "Indonesia's high-speed railway between Jakarta and Bandung carried more than five million passengers in its first year, "
    "the operator said [[It is expected that the number of the trips of the train will]] on Wednesday. "
    "Tickets start at 200,000 rupiah for the 45-minute journey.")

rec("splice", "en",
    "Long queues returned to filling stations in Abuja and Lagos on Friday after the state oil company "
    "[[The price per litre at the pumps of the stations in the capital]] raised the pump price of petrol for the second time in a month. "
    "Motorists said some stations were selling above the official rate.\n\n"
    "The Nigeria Labour Congress threatened to call a nationwide strike if the increase is not reversed.")

rec("splice", "en",
    "Typhoon Kristine made landfall in the province of Isabela late on Thursday, packing winds of up to 165 kilometres per hour, "
    "the weather bureau PAGASA said.\n\n"
    "Disaster officials said [[The evacuation of the residents living along the coast in the towns had]] more than 40,000 people "
    "had been moved to evacuation centres before the storm hit. Classes were suspended in 14 provinces.")

rec("splice", "en",
    "Firefighters in northern Alberta were battling 48 active wildfires on Saturday, "
    "[[Of these the fires classified as out of control in the area of]] and authorities ordered the evacuation of about "
    "1,000 residents of the hamlet of Fort Chipewyan. Dry conditions and strong winds are expected to persist into next week.")

rec("splice", "en",
    "Deforestation in the Brazilian Amazon fell by 31 percent in the 12 months to July, according to "
    "[[With regard to the satellite data of the institute that were]] figures released by the National Institute for Space Research (INPE) on Wednesday. "
    "It was the lowest level since 2015.\n\n"
    "Environment Minister Marina Silva said the government remained committed to ending illegal deforestation by 2030.")

rec("splice", "en",
    "Sri Lanka's central bank kept its key interest rates unchanged on Tuesday, saying "
    "[[He added that the inflation of the month of]] price pressures remained under control as the economy recovers from its worst crisis in decades. "
    "The bank's overnight deposit rate stays at 8.25 percent.")

rec("splice", "en",
    "Ghana's cocoa regulator said farmers would be paid 48,000 cedis per tonne for the new season, an increase of more than 45 percent. "
    "The increase, [[A statement by the board signed by its chief executive in Accra]] the largest in the regulator's history, "
    "is meant to discourage the smuggling of beans to neighbouring countries.\n\n"
    "Ghana is the world's second-largest cocoa producer after Ivory Coast.")

rec("splice", "en",
    "The INDEC statistics agency reported on Tuesday that [[The monthly index of the consumer prices which was the lowest since]] "
    "consumer prices rose 2.7 percent in October, the smallest monthly increase in almost three years. "
    "Annual inflation slowed to 193 percent.\n\n"
    "President Javier Milei hailed the figure as proof that his austerity programme was working.")

rec("splice", "en",
    "Achraf Hakimi scored in the 78th minute as Morocco [[In the second half the team of the coach was]] beat Gabon 2-1 in "
    "Franceville on Saturday to stay top of their World Cup qualifying group. Gabon had taken the lead through a penalty "
    "shortly before half-time.")

rec("splice", "en",
    "The Department of Health has confirmed that [[This funding will be allocated to the trusts in accordance to the]] "
    "14 new community diagnostic centres will open across the region by the end of next year. "
    "The centres will offer scans, blood tests and heart checks closer to patients' homes.\n\n"
    "Ministers said the centres would help reduce waiting lists, which stood at 7.6 million in September.")

rec("splice", "en",
    "Thousands of protesters gathered outside the parliament in Tbilisi for a fifth consecutive night, "
    "[[Its the government of the ruling party said in the]] demanding that the government reverse its decision to suspend talks "
    "on joining the European Union. Police used water cannon and tear gas to disperse the crowd shortly after midnight.\n\n"
    "The interior ministry said [[The detained persons in the course of the actions were]] 43 people had been detained "
    "and that several officers had been injured.")

rec("splice", "en",
    "\u201cThe water level behind the dam is now stable and there is no reason for panic,\u201d the regional governor said "
    "[[The inspection of the structure carried out by engineers from the ministry showed]] at a news conference in Kharkiv on Monday. "
    "Residents of three villages downstream were evacuated as a precaution on Saturday.\n\n"
    "Engineers are expected to complete repairs to the spillway by the end of the month.")

# ---------------------------------------------------------------- EN orphan
rec("orphan", "en",
    "Nepal's parliament on Thursday passed a long-delayed bill on transitional justice, nearly two decades after the end of the "
    "Maoist insurgency. The bill was approved by 230 lawmakers in the 275-member house. [[12th]]\n\n"
    "Human rights groups said the law still leaves room for amnesty in cases of serious violations.")

rec("orphan", "en",
    "Polish farmers blocked roads at more than 150 locations across the country on Tuesday in protest against imports of "
    "Ukrainian grain. [[09:45]] Police said the protests were largely peaceful, although traffic on the A2 motorway near "
    "Poznan was halted for several hours.\n\n"
    "The agriculture minister is due to meet farmers' representatives in Warsaw on Thursday.")

rec("orphan", "en",
    "The government will import an additional 500,000 tonnes of wheat before the end of the year to secure supplies for "
    "the subsidised bread programme, the Ministry of Supply said. [[Staff Reporter]]\n\n"
    "Egypt, one of the world's largest wheat importers, buys most of its grain from Russia and Ukraine. "
    "Strategic reserves are sufficient for about five months, according to the ministry.")

rec("orphan", "en",
    "Home prices in Sydney rose 0.6 per cent in October, taking the median dwelling value to a record A$1.19 million, "
    "according to property data firm CoreLogic. [[Advertisement]] Prices in Melbourne were flat over the month, "
    "while Perth and Adelaide continued to post strong gains.\n\n"
    "Economists expect the Reserve Bank to hold rates steady at its next meeting.")

rec("orphan", "en",
    "Meteorologists recorded 212 millimetres of rain in 24 hours at Nungambakkam, the heaviest downpour in the city since 2015. "
    "[[mm]]\n\n"
    "Schools and colleges in Chennai and three neighbouring districts will remain closed on Tuesday, the state government said. "
    "Several suburban train services were suspended after tracks were flooded.")

rec("orphan", "en",
    "The city council postponed a vote on the new parking charges until next week. [[of the]] Opposition councillors walked "
    "out of the chamber after the mayor refused to allow an amendment.\n\n"
    "The proposed charges would double the cost of on-street parking in the city centre.")

rec("orphan", "en",
    "[[1/5]] Rescue workers searched through the rubble of a collapsed apartment block in Malatya on Wednesday, two days after "
    "the 5.9-magnitude earthquake. At least nine people were killed and more than 100 injured, the disaster agency AFAD said.\n\n"
    "Many of the damaged buildings had already been weakened by the earthquakes of February 2023.")

rec("orphan", "en",
    "[[3 min read]] Zambia's state power company will extend daily load-shedding to 17 hours from Monday as water levels "
    "at the Kariba dam continue to fall, the energy ministry said. The drought has cut hydropower output by more than half.\n\n"
    "Mining companies, which account for most of the country's exports, have been asked to import electricity.")

rec("orphan", "en",
    "The new international terminal at Samarkand airport will open to passengers in September, the Uzbek transport ministry "
    "said on Tuesday. [[2025]]\n\n"
    "The terminal will be able to handle up to 2.5 million passengers a year. Uzbekistan has been expanding its airports "
    "to attract more tourists to the ancient Silk Road cities.")

rec("orphan", "en",
    "Temperatures in Jacobabad reached 50 degrees Celsius on Sunday, the Pakistan Meteorological Department said. [[°C]] "
    "Hospitals in Sindh province reported hundreds of cases of heatstroke.\n\n"
    "Authorities advised residents to stay indoors between noon and 4 p.m.")

rec("orphan", "en",
    "Much of Cuba was left without electricity for a third day after the collapse of the national grid, the Ministry of Energy "
    "and Mines said on Saturday. [[in the]] By evening, power had been restored to about 40 percent of customers in Havana.\n\n"
    "The government blamed the breakdown on the failure of the Antonio Guiteras thermoelectric plant.")

rec("orphan", "en",
    "Singapore's core inflation eased to 2.1 percent in September, its lowest reading in nearly three years, the Monetary "
    "Authority of Singapore said in a statement. [[Share]]\n\n"
    "Economists said the figure gave the central bank room to ease policy early next year.")

rec("orphan", "en",
    "Ethiopia's central bank said on Monday that it would allow the birr to trade freely against foreign currencies, "
    "a key condition of a new IMF loan. [[Jun]]\n\n"
    "The birr lost almost a third of its value against the dollar within hours of the announcement. "
    "The IMF board is expected to approve a $3.4 billion programme later this week. [[0 Comments]]")

rec("orphan", "en",
    "Applications for the new affordable purchase scheme will open on 1 July, the Department of Housing said. [[Last updated]]\n\n"
    "Under the scheme, first-time buyers earning up to €80,000 a year will be able to buy new homes at a discount of up to 30 per cent. "
    "The Minister for Housing said the first homes would be available in Dublin, Cork and Galway.")

rec("orphan", "en",
    "South Korea's exports rose 4.6 percent in October from a year earlier, driven by record sales of semiconductors, the trade "
    "ministry said on Friday. The figures were released at 9 a.m. local time. [[p.m.]] Chip exports jumped 40 percent to "
    "$12.5 billion.\n\n"
    "Shipments to China, the country's largest trading partner, rose for the fourth month in a row.")

# ---------------------------------------------------------------- EN doubled
rec("doubled", "en",
    "City officials said the [[the]] new bridge over the Danube at Novi Sad would open to traffic in the spring. "
    "The old bridge was closed in March after engineers found cracks in two of its supporting pillars.")

rec("doubled", "en",
    "Dr. Grace Nakato, the director of the [[of the]] national blood bank, said stocks had fallen to their lowest level in "
    "five years. She urged people in Kampala and Entebbe to donate before the Christmas holidays.\n\n"
    "Hospitals have been asked to postpone non-urgent operations until supplies recover.")

rec("doubled", "en",
    "Police said [[said]] the suspect, a 34-year-old man from Leeds, had been arrested at a house in Bradford on Friday evening. "
    "He remains in custody and is expected to appear before magistrates on Monday.")

rec("doubled", "en",
    "The ferry operator suspended all crossings between Dover and Calais on Monday [[on Monday]] because of gale-force winds "
    "in the Channel. Passengers were advised to check the company's website before travelling.\n\n"
    "Services are expected to resume on Tuesday morning.")

rec("doubled", "en",
    "Authorities in the capital [[in the capital]] Dhaka have ordered all schools to close for a week as air quality reached "
    "hazardous levels. The Air Quality Index exceeded 300 on Sunday morning, according to IQAir.")

rec("doubled", "en",
    "Vietnam's exports of electronics rose 26 percent [[percent]] in the first nine months of the year, the General "
    "Statistics Office said on Sunday. Phones and components accounted for about a fifth of total exports.\n\n"
    "The United States remained the country's largest export market.")

rec("doubled", "en",
    "The Mexican government has [[has]] deployed an additional 2,000 soldiers to the state of Sinaloa after a week of clashes "
    "between rival cartel factions left more than 30 people dead. Schools in Culiacan remained closed on Monday.")

rec("doubled", "en",
    "The new minimum wage will [[will]] take effect on January 1 and will apply to all workers in the formal sector, "
    "the labour ministry said. Trade unions had demanded a larger increase.\n\n"
    "Employers' associations said the rise would hurt small businesses.")

rec("doubled", "en",
    "President William Ruto [[Ruto]] on Tuesday signed into law a bill that raises the minimum age for voluntary retirement "
    "in the civil service. The new law takes effect immediately, the State House said in a statement.")

rec("doubled", "en",
    "The Moroccan tourism ministry said it expected the number of foreign visitors to [[to]] exceed 17 million this year, "
    "a new record. Arrivals in the first ten months of the year rose 20 percent compared with the same period last year.\n\n"
    "Marrakech and Agadir remain the most popular destinations.")

rec("doubled", "en",
    "The storm brought down trees and [[and]] power lines across the north of Scotland, leaving about 25,000 homes without "
    "electricity. A yellow weather warning for wind remains in place until Sunday afternoon.")

rec("doubled", "en",
    "Norway's government said it would ask the European Union [[the European Union]] for an exemption from new rules on "
    "electricity exports. The country supplies a large share of its hydropower to Germany and Britain through undersea cables.\n\n"
    "The opposition Progress Party has called for the cables to be disconnected.")

rec("doubled", "en",
    "Heavy rain in the Bolivian highlands has destroyed more than [[more than]] 8,000 hectares of crops, the Ministry of Rural "
    "Development said. The worst-hit areas are in the departments of La Paz and Oruro.")

rec("doubled", "en",
    "The festival, which is [[is]] held every August in Edinburgh, sold a record 2.6 million tickets this year, organisers said. "
    "More than 3,700 shows were staged at 300 venues across the city.\n\n"
    "Local residents have complained about the rising cost of accommodation during the festival.")

rec("doubled", "en",
    "The Tanzanian government announced on Thursday [[on Thursday]] that the new standard gauge railway between Dar es Salaam "
    "and Dodoma would begin regular passenger services next month. Officials said the journey would take about "
    "three and a half hours, compared with around ten [[ten]] hours by bus.")

# ---------------------------------------------------------------- EN cut-off
rec("cut-off", "en",
    "Floods displace thousands in northern Nigeria\n"
    "[[Heavy rains have displaced more than 40,000 people in Borno and Adamawa states after a dam on the Ngadda river "
    "overflowed, the National Emergency Management Agency said on Tuesday]]\n"
    "Heavy rains have displaced more than 40,000 people in Borno and Adamawa states after a dam on the Ngadda river "
    "overflowed, the National Emergency Management Agency said on Tuesday.\n"
    "The agency said it had set up six temporary camps in Maiduguri and was distributing food and mosquito nets. "
    "At least 30 people have died.")

rec("cut-off", "en",
    "[[Spain's government approved a plan on Tuesday to cut the legal working week from 40 hours to 37.5 hours without…]]\n\n"
    "Spain's government approved a plan on Tuesday to cut the legal working week from 40 hours to 37.5 hours without a "
    "reduction in pay. The bill still needs the approval of parliament, where the ruling coalition lacks a stable majority.\n\n"
    "Business groups said the change would raise costs for small firms.")

rec("cut-off", "en",
    "Thailand's cabinet on Tuesday approved a 10 billion baht package to support rice farmers hit by falling prices. "
    "[[The cabinet also agreed to extend]] The cabinet also agreed to extend the cap on diesel prices until the end of March, "
    "government spokesman Jirayu Houngsub told reporters.\n\n"
    "The diesel cap has cost the state oil fund more than 100 billion baht since it was introduced.")

rec("cut-off", "en",
    "Colombia's government and the ELN rebel group agreed on Friday to extend their ceasefire for another six months, "
    "negotiators said in a joint statement in Caracas.\n\n"
    "The ceasefire, the longest in the decades-long conflict, has sharply reduced clashes between the army and the rebels, "
    "although kidnappings continue in some regions. The next round of talks will take place in Mexico City in February.\n\n"
    "[[Colombia's government and the ELN rebel group agreed on Friday to extend their]]")

rec("cut-off", "en",
    "[[The Reserve Bank of Australia left the cash rate at 4.35 per cent for a seventh straight meet]]\n"
    "The Reserve Bank of Australia left the cash rate at 4.35 per cent for a seventh straight meeting on Tuesday. "
    "Governor Michele Bullock said the board was not ruling anything in or out.\n\n"
    "Markets now expect the first rate cut in the first half of next year.")

rec("cut-off", "en",
    "Zimbabwe's central bank said the new gold-backed currency, known as ZiG, had remained stable since it was introduced in April. "
    "The bank said its foreign reserves had risen to $400 million.\n\n"
    "[[The bank said its foreign reserves had]]\n\n"
    "Economists, however, said the currency was trading at a much weaker rate on the parallel market.")

rec("cut-off", "en",
    "[[Minister announces new funding for rural]]\n"
    "Minister announces new funding for rural broadband\n"
    "The Minister for Rural Affairs has announced a further £12 million to connect remote homes and businesses to "
    "high-speed broadband. The funding will be available to communities in the Highlands, the Western Isles and Orkney.\n\n"
    "Applications open on 3 March and close on 30 April.")

rec("cut-off", "en",
    "\"We will not allow our farmers to be ruined by cheap imports,\" Agriculture Minister Dmytro Stepanenko told reporters "
    "in Kyiv on Wednesday.\n\n"
    "The ministry is preparing a list of products that would be subject to temporary import licences, he said. "
    "[[\"We will not allow our farmers to be ruined by]]\n\n"
    "The measures are expected to be approved by the cabinet next week.")

rec("cut-off", "en",
    "The Finnish border guard said it had detected a sharp increase in GPS interference over the eastern Gulf of Finland. "
    "Pilots reported losing satellite navigation signals on flights to Savonlinna and Joensuu. "
    "[[The Finnish border guard said it had detected a sharp increase in GPS]] Airlines have been told to use "
    "ground-based navigation aids in the area.")

rec("cut-off", "en",
    "Jordan will begin rationing water in Amman and Zarqa from next month as reservoirs fall to their lowest levels in decades, "
    "the Ministry of Water and Irrigation said.\n"
    "[[Jordan will begin rationing water in Amman and Zarqa from next ...]]\n\n"
    "Households will receive piped water once a week instead of twice, the ministry said. "
    "Jordan is one of the most water-scarce countries in the world.")

rec("cut-off", "en",
    "Namibia signs green hydrogen deal\n"
    "[[Namibia has signed an agreement with a German-led consortium to develop a green hydrogen project near Lüderitz, a]]\n\n"
    "Namibia has signed an agreement with a German-led consortium to develop a green hydrogen project near Lüderitz, "
    "a deal worth an estimated $10 billion. The project is expected to produce up to 350,000 tonnes of hydrogen a year.")

rec("cut-off", "en",
    "Fiji's government said on Monday that it would open an embassy in Seoul next year to boost trade and tourism links "
    "with South Korea. Tourism accounts for about 40 percent of the country's economy.\n"
    "[[Fiji's government said on Monday that it would open an embassy in Se]]\n"
    "Prime Minister Sitiveni Rabuka will visit Seoul next month.")

rec("cut-off", "en",
    "Estonia to build drone wall along Russian border\n"
    "Estonia will spend 12 million euros on a network of sensors and drones along its border with Russia, "
    "Defence Minister Hanno Pevkur said on Thursday. "
    "[[Estonia will spend 12 million euros on a network of sensors]]\n\n"
    "The system is expected to be operational by the end of next year.")

rec("cut-off", "en",
    "[[Sudan's army said on Saturday it had retaken control of the main bridge linking Omdurman and]]\n"
    "Sudan's army said on Saturday it had retaken control of the main bridge linking Omdurman and Khartoum North after "
    "weeks of fighting with the paramilitary Rapid Support Forces.\n\n"
    "The RSF did not comment. More than 11 million people have been displaced since the war began in April 2023.\n\n"
    "[[The RSF did not comment. More than 11 million people have]]")

rec("cut-off", "en",
    "Ireland's budget surplus is expected to reach €8.6 billion this year, the Department of Finance said, boosted by "
    "record corporate tax receipts. [[Ireland's budget surplus is expected to reach €8.6 billion this year, the]]\n\n"
    "The government has set aside part of the windfall for two new sovereign funds.")

# ---------------------------------------------------------------- DE
rec("splice", "de",
    "Der Oberbürgermeister von Leipzig, Burkhard Jung, sagte am Montag, [[Die Lage der Stadt wurde vom Vorsitz nach der Sitzung am]] "
    "dass die Sanierung der Brücke bis Ende 2026 abgeschlossen sein soll. Die Kosten werden auf rund 48 Millionen Euro geschätzt.\n\n"
    "Der Verkehr wird während der Bauarbeiten über eine Behelfsbrücke umgeleitet.")

rec("splice", "de",
    "Nach Angaben des Deutschen Wetterdienstes (DWD) fielen in Teilen Bayerns innerhalb von 24 Stunden bis zu 120 Liter Regen "
    "pro Quadratmeter. Die Feuerwehr musste [[Im Rahmen der Einsätze der Kräfte des Landkreises wurde bei]] mehr als 300 Mal "
    "ausrücken, vor allem wegen vollgelaufener Keller. Verletzt wurde nach ersten Erkenntnissen niemand.")

rec("orphan", "de",
    "Die Europäische Zentralbank hat den Leitzins erneut um 0,25 Prozentpunkte gesenkt. [[Anzeige]] Der Einlagensatz liegt "
    "damit bei 2,75 Prozent, wie die Notenbank am Donnerstag in Frankfurt mitteilte.\n\n"
    "Ökonomen rechnen mit weiteren Senkungen im Laufe des Jahres.")

rec("orphan", "de",
    "Der Streik bei der Bahn soll in der Nacht zum Mittwoch um 2 Uhr beginnen und 48 Stunden dauern, teilte die Gewerkschaft "
    "GDL mit. [[Uhr]]\n\n"
    "Fahrgäste müssen sich auf massive Ausfälle im Fern- und Regionalverkehr einstellen. Die Bahn kündigte einen Notfahrplan an.")

rec("doubled", "de",
    "Das neue Terminal am Flughafen Hamburg wurde [[wurde]] am Freitag offiziell eröffnet. Es soll jährlich bis zu vier "
    "Millionen zusätzliche Passagiere abfertigen können.\n\n"
    "Der Bau hatte sich wegen gestiegener Materialkosten um mehr als ein Jahr verzögert.")

rec("doubled", "de",
    "Die Polizei nahm in der [[in der]] Nacht zum Sonntag in Köln drei Verdächtige fest, die einen Geldautomaten gesprengt "
    "haben sollen. Die Männer im Alter von 19 bis 24 Jahren wurden einem Haftrichter vorgeführt.")

rec("cut-off", "de",
    "Zulieferer kündigt Stellenabbau an\n"
    "[[Der Autozulieferer will bis 2028 in Deutschland bis zu 14.000 Stellen streichen, wie das Unternehmen am]]\n"
    "Der Autozulieferer will bis 2028 in Deutschland bis zu 14.000 Stellen streichen, wie das Unternehmen am Freitag "
    "in Friedrichshafen mitteilte. Betriebsbedingte Kündigungen sollen nach Möglichkeit vermieden werden.\n\n"
    "Die IG Metall kündigte Widerstand an.")

rec("cut-off", "de",
    "Die Zahl der Asylanträge in Deutschland ist im ersten Halbjahr deutlich gesunken. Das Bundesamt für Migration und "
    "Flüchtlinge registrierte rund 121.000 Erstanträge, etwa 20 Prozent weniger als im Vorjahreszeitraum. "
    "[[Das Bundesamt für Migration und Flüchtlinge registrierte rund…]]\n\n"
    "Die meisten Antragsteller kamen aus Syrien, Afghanistan und der Türkei.")

# ---------------------------------------------------------------- FR
rec("splice", "fr",
    "Le préfet de la Gironde a indiqué mardi que [[La situation des communes a été annoncée par la présidence après]] "
    "les restrictions d'eau resteraient en vigueur jusqu'à la fin du mois de septembre. "
    "L'arrosage des jardins et le lavage des voitures restent interdits.")

rec("splice", "fr",
    "Selon le ministère de l'Intérieur, [[Les personnes interpellées au cours de la manifestation de]] plus de 12 000 policiers "
    "et gendarmes seront mobilisés samedi dans toute la France. Les syndicats attendent plusieurs centaines de milliers "
    "de manifestants.\n\n"
    "À Paris, le cortège partira de la place de la République à 14 heures.")

rec("orphan", "fr",
    "Le Sénégal a commencé à produire du pétrole sur le champ offshore de Sangomar, a annoncé mardi l'entreprise australienne "
    "Woodside. [[Publicité]] La production devrait atteindre 100 000 barils par jour.\n\n"
    "Le gouvernement espère que les revenus pétroliers permettront de réduire la dette publique.")

rec("orphan", "fr",
    "Le trafic a repris progressivement sur la ligne TGV entre Paris et Lyon après une panne de signalisation, a indiqué "
    "la SNCF. [[14h30]] Des retards de plus de deux heures ont été signalés dans la matinée.\n\n"
    "Plusieurs trains ont été supprimés en fin de journée.")

rec("doubled", "fr",
    "Carole Delga, présidente de [[de]] la région Occitanie, a demandé à l'État une aide d'urgence pour les viticulteurs "
    "touchés par la grêle. Plus de 3 000 hectares de vignes ont été endommagés dans l'Hérault et le Gard.")

rec("doubled", "fr",
    "La compagnie aérienne a annoncé [[a annoncé]] lundi l'ouverture de quatre nouvelles liaisons au départ de Marseille "
    "à partir du mois d'avril. Les vols desserviront notamment Tunis, Alger et Casablanca.\n\n"
    "La direction table sur une hausse de 8 % du trafic l'an prochain.")

rec("cut-off", "fr",
    "[[La Côte d'Ivoire a relevé le prix garanti du cacao payé aux planteurs à 1 800 francs CFA le]]\n"
    "La Côte d'Ivoire a relevé le prix garanti du cacao payé aux planteurs à 1 800 francs CFA le kilo pour la campagne "
    "intermédiaire, a annoncé le Conseil du café-cacao.\n\n"
    "Il s'agit de la plus forte hausse depuis plus de dix ans.")

rec("cut-off", "fr",
    "Les prix de l'immobilier ancien ont reculé de 3,9 % sur un an au troisième trimestre, selon les notaires. "
    "La baisse est plus marquée en Île-de-France. [[Les prix de l'immobilier ancien ont reculé de 3,9 %]]\n\n"
    "Les professionnels s'attendent toutefois à une stabilisation en 2025 grâce à la baisse des taux d'intérêt.")

# ---------------------------------------------------------------- ES
rec("splice", "es",
    "El consejero de Agricultura afirmó este lunes que [[La declaración de los ministros en la reunión del jueves fue]] "
    "el Gobierno regional aprobará un nuevo paquete de ayudas para los agricultores afectados por la sequía. "
    "Las ayudas alcanzarán los 60 millones de euros.")

rec("splice", "es",
    "La Comisión Federal de Electricidad (CFE) informó que [[En el marco de las labores de las cuadrillas de la zona se]] "
    "el suministro se ha restablecido al 85 por ciento de los usuarios afectados por el huracán en Acapulco. "
    "Más de 9.000 trabajadores participan en las tareas de reparación.\n\n"
    "Las autoridades prevén que el servicio se normalice a finales de semana.")

rec("orphan", "es",
    "El Banco Central de Chile recortó la tasa de interés en 25 puntos básicos, hasta el 5,25 %, según informó la entidad "
    "en un comunicado. [[Publicidad]] La decisión fue adoptada por unanimidad.\n\n"
    "Los analistas esperan nuevos recortes en los próximos meses.")

rec("orphan", "es",
    "Las lluvias torrenciales obligaron a evacuar a más de 2.000 personas en la provincia de Valencia, informó el servicio "
    "de emergencias. [[hrs.]]\n\n"
    "La Agencia Estatal de Meteorología mantiene el aviso rojo en el litoral hasta el jueves por la tarde. "
    "Las clases se han suspendido en 30 municipios.")

rec("doubled", "es",
    "El ministro de Economía dijo que [[que]] la inflación bajará del 4 % antes de final de año gracias a la caída de los "
    "precios de los alimentos. La oposición calificó la previsión de demasiado optimista.")

rec("doubled", "es",
    "La producción de litio de [[de]] Bolivia se multiplicará por diez en los próximos cinco años, según la empresa estatal "
    "YLB. La compañía firmó acuerdos con empresas de China y Rusia para construir plantas de extracción en el salar de Uyuni.\n\n"
    "Las comunidades locales han expresado su preocupación por el uso del agua.")

rec("cut-off", "es",
    "Inundaciones en el sur de Brasil\n"
    "[[Las lluvias en el estado de Rio Grande do Sul han dejado al menos 78 muertos y más de 100]]\n"
    "Las lluvias en el estado de Rio Grande do Sul han dejado al menos 78 muertos y más de 100 desaparecidos, "
    "según la Defensa Civil. Más de 115.000 personas tuvieron que abandonar sus hogares.")

rec("cut-off", "es",
    "El Gobierno de Guatemala declaró el estado de calamidad en seis departamentos por los incendios forestales. "
    "Las llamas han arrasado más de 4.000 hectáreas en lo que va de año. "
    "[[El Gobierno de Guatemala declaró el estado de calamidad en seis]]\n\n"
    "El presidente Bernardo Arévalo pidió ayuda internacional para combatir el fuego.")


# ---------------------------------------------------------------- build
def repair(s):
    """Minimal whitespace/punctuation repair after deleting spans."""
    s = re.sub(r"[ \t]{2,}", " ", s)
    s = re.sub(r" +([,.;:!?])", r"\1", s)
    s = "\n".join(line.strip() for line in s.split("\n"))
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


def build():
    out = []
    counters = Counter()
    for i, (kind, lang, marked, exp) in enumerate(R, 1):
        text, bad = "", []
        pos = 0
        for m in MARK.finditer(marked):
            text += marked[pos:m.start()]
            start = len(text)
            text += m.group(1)
            bad.append([start, len(text)])
            pos = m.end()
        text += marked[pos:]
        spans = MARK.findall(marked)
        assert 1 <= len(bad) <= 2, (i, bad)
        for (a, b), sp in zip(bad, spans):
            assert text[a:b] == sp, (i, text[a:b], sp)
        if exp is None:
            pieces, pos = [], 0
            for a, b in bad:
                pieces.append(text[pos:a])
                # a span that fills a whole line takes its line break with it
                if (a == 0 or text[a - 1] == "\n") and b < len(text) and text[b] == "\n":
                    b += 1
                pos = b
            pieces.append(text[pos:])
            exp = repair("".join(pieces))
        assert "[[" not in text and "]]" not in text
        counters[(kind, lang)] += 1
        out.append({
            "id": f"blind4-{kind}-{i:03d}",
            "source": "blind4",
            "kind": kind,
            "lang": lang,
            "text": text,
            "bad": bad,
            "expected": exp,
        })
    return out, counters


if __name__ == "__main__":
    records, counters = build()
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind4.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(records), "records")
    for k in sorted(counters):
        print(k, counters[k])
