package org.masthead.demo.internal;

import java.util.List;
import java.util.Map;

/**
 * The word lists {@link StoryWriter} combines into generated stories set in Vesna: who acts, what
 * they do, where, and the sentences a local news story is made of. All of it is written for this
 * project. It is one long list of words rather than logic, which is why it runs past 300 lines.
 */
final class StoryWords {

	private StoryWords() {
	}

	/**
	 * What one section writes about.
	 *
	 * @param actors who does something in a headline, as it starts a sentence
	 * @param verbs what they do, in the present tense of headlines
	 * @param objects what it is done to
	 * @param roles what the people quoted do, after their name
	 * @param groups who is affected, in the plural
	 * @param tags the tag slugs that fit the section, if they exist
	 * @param motifs the hero pictures that fit the section
	 * @param authors the bylines that fit the section, if they exist
	 */
	record Beat(List<String> actors, List<String> verbs, List<String> objects, List<String> roles, List<String> groups,
			List<String> tags, List<String> motifs, List<String> authors) {
	}

	static final Beat CITY = new Beat(
			List.of("Vesna Transit", "The city council", "The housing department", "The Salt Quarter residents' group",
					"The parks department", "Kalyna's district office", "The Old Town residents' association",
					"The city's bridges department", "The Northmole tenants' union", "The schools board"),
			List.of("approves", "delays", "unveils plans for", "votes against", "opens", "seeks money for",
					"pauses work on", "expands", "rethinks", "wins backing for", "scales back", "consults on"),
			List.of("a night tram to Northmole", "a car-free Market Square", "new bike lanes on Harbour Road",
					"a 24-hour library in Kalyna", "the rebuilt Lindenhill playground", "cheaper school lunches",
					"400 council flats on the Eastern Rail Yards", "a second ferry to Lyman Bay",
					"the Chaika Bridge footpath", "longer opening hours at the city pools", "a tree-planting drive",
					"a new bus depot in Kalyna", "the Salt Quarter street market", "heated tram shelters"),
			List.of("a tram driver on line 4", "who chairs the Salt Quarter residents' association",
					"the deputy mayor for transport", "a head teacher in Kalyna", "a planner at the housing department",
					"a shop owner on Market Square", "a retired engineer who has lived in Lindenhill since 1979",
					"a spokesperson for Vesna Transit"),
			List.of("commuters", "tenants", "parents", "shop owners", "cyclists", "pensioners", "students"),
			List.of("trams", "transport", "housing", "schools", "food", "weather", "health"),
			List.of("tram", "bridge", "market", "school", "skyline"),
			List.of("olena-marchuk", "halyna-brovko"));

	static final Beat POLITICS = new Beat(
			List.of("The city council", "The Regional Parliament", "The mayor", "The opposition bloc",
					"The Greens' council group", "The finance committee", "The regional governor",
					"The electoral commission", "An independent councillor", "The Harbour Party"),
			List.of("backs", "rejects", "delays a vote on", "calls for an inquiry into", "defends", "promises",
					"reverses course on", "proposes", "approves", "questions the cost of", "drops opposition to"),
			List.of("the stadium renovation loan", "a cap on rent increases", "the port expansion plan",
					"the coastal protection budget", "free school breakfasts", "a tourist tax on short lets",
					"the parking contract extension", "new rules for campaign donations", "the tram fare freeze",
					"a public register of lobbyists", "merging two district offices", "the Eastern Rail Yards deal"),
			List.of("a councillor for the Old Town", "who leads the opposition bloc", "a member of the finance committee",
					"the mayor's spokesperson", "a political scientist at Vesna State University",
					"a campaigner with Open Council Vesna", "a member of the Regional Parliament for Kalyna"),
			List.of("voters", "taxpayers", "councillors", "tenants", "campaigners", "first-time voters"),
			List.of("elections", "city-council", "budget", "courts", "housing", "explainer"),
			List.of("parliament", "skyline", "market"),
			List.of("andrii-kostiv", "halyna-brovko"));

	static final Beat BUSINESS = new Beat(
			List.of("Vesna Shipyard", "The port authority", "The Coastal Institute for Economic Research",
					"A Salt Quarter start-up", "The bakery cooperative", "The regional statistics office",
					"Ostra Ferries", "The fish market traders' guild", "The chamber of commerce", "Northmole Logistics"),
			List.of("wins", "bets on", "warns about", "plans", "announces", "delays", "signs a deal for",
					"invests in", "pays for", "wins backing for"),
			List.of("an order for four hybrid tugboats", "200 jobs at the container terminal", "a night shift at the dry dock",
					"its first export contract", "rooftop solar on the grain silos", "a new cold store on Northmole",
					"weekend trading at the fish market", "a training centre for welders", "electric harbour cranes",
					"a second bakery on Lindenhill", "cheaper freight to the islands", "a software office in the Old Town"),
			List.of("an economist at the Coastal Institute for Economic Research", "a welder at Vesna Shipyard",
					"who runs a café on Harbour Road", "the port authority's chief executive", "a union representative",
					"a founder of a Salt Quarter start-up", "a fish trader at the Harbour Fish Market"),
			List.of("workers", "small businesses", "shipyard families", "exporters", "young graduates", "customers"),
			List.of("shipyard", "port", "startups", "jobs", "energy", "food"),
			List.of("harbor", "factory", "market", "skyline"),
			List.of("sofia-havryliuk", "halyna-brovko"));

	static final Beat CULTURE = new Beat(
			List.of("The Vesna Philharmonic", "The City Museum", "The Harbour Theatre", "Vesna Film Week",
					"The central library", "A Kalyna street choir", "The Old Town gallery", "The Vesna Book Prize jury",
					"The puppet theatre", "Vesna FC"),
			List.of("announces", "celebrates", "brings back", "opens", "plans", "launches", "funds",
					"wins backing for", "unveils"),
			List.of("a season of harbour songs", "the shipbuilders' photo archive", "free Sunday concerts",
					"a festival of silent films", "a play about the 1953 flood", "the lost tram posters of the 1930s",
					"a summer stage on the old piers", "late openings for students", "a mural trail in the Salt Quarter",
					"an opera written in Vesna", "poetry readings on the ferries", "a youth football league"),
			List.of("the museum's head of collections", "a conductor who grew up in Northmole", "a festival programmer",
					"a set designer at the Harbour Theatre", "a librarian in Kalyna", "a painter with a studio on Lindenhill",
					"a season-ticket holder since 1988"),
			List.of("audiences", "young musicians", "visitors", "families", "readers", "supporters"),
			List.of("arts", "music", "film", "heritage", "football", "food"),
			List.of("concert", "stadium", "market", "skyline"),
			List.of("marek-lindqvist"));

	static final Beat SCIENCE = new Beat(
			List.of("Vesna State University", "The marine robotics lab", "The flood research group",
					"The coastal observatory", "The regional weather service", "The city's energy agency",
					"A marine biology team", "The river authority", "The hospital's research unit",
					"The seal-counting network"),
			List.of("maps", "warns of", "finds evidence of", "measures", "tracks", "predicts", "studies",
					"reports on", "publishes data on"),
			List.of("seagrass returning to Lyman Bay", "higher spring peaks on the Ostra", "warmer winters on the coast",
					"heat pumps in old tenements", "microplastics in the harbour", "seal numbers on the outer sandbars",
					"a tidal energy prototype", "salt marsh as a flood barrier", "air quality near the container terminal",
					"the return of the Ostra sturgeon", "storm surges along the promenade", "pollen seasons in the city"),
			List.of("a marine biologist at Vesna State University", "a hydrologist with the river authority",
					"a meteorologist at the regional weather service", "a doctoral student in the robotics lab",
					"an engineer at the city's energy agency", "a volunteer who has counted seals for twelve winters"),
			List.of("coastal residents", "fishers", "farmers along the Ostra", "homeowners", "schoolchildren", "anglers"),
			List.of("university", "climate", "ostra-river", "energy", "health", "weather"),
			List.of("lab", "river", "forest", "field", "harbor"),
			List.of("nadia-orlen"));

	/** Beats by section slug; other sections write like the city desk. */
	static final Map<String, Beat> BEATS = Map.of("city", CITY, "politics", POLITICS, "business", BUSINESS,
			"culture", CULTURE, "science", SCIENCE);

	static final List<String> FIRST_NAMES = List.of("Petro", "Dana", "Iryna", "Oleh", "Marta", "Taras", "Lesia",
			"Yurii", "Kateryna", "Bohdan", "Alina", "Roman", "Vira", "Maksym", "Hanna", "Ivan", "Solomiia", "Dmytro",
			"Ingrid", "Lars", "Mila", "Stepan", "Zoriana", "Artem", "Nina", "Erik");

	static final List<String> SURNAMES = List.of("Yaremchuk", "Kovalenko", "Sokil", "Melnyk", "Dovzhenko",
			"Hrytsenko", "Tkachuk", "Bondar", "Lysenko", "Savchuk", "Oliinyk", "Petrenko", "Nilsen", "Holub", "Kravets",
			"Moroz", "Shevchuk", "Rudenko", "Vovk", "Zhuk", "Berg", "Marchenko");

	static final List<String> PLACES = List.of("the Old Town", "Kalyna", "the Salt Quarter", "Northmole",
			"Lindenhill", "Market Square", "the Eastern Rail Yards", "Lyman Bay", "the harbourside promenade",
			"the university quarter", "Harbour Road", "the old piers");

	static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December");

	static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
			"Saturday", "Sunday");

	static final List<String> REASONS = List.of("a year of complaints", "a tight vote", "months of delay",
			"a petition signed by thousands", "a critical audit", "a record winter", "an unexpected surplus",
			"pressure from the opposition", "a long consultation", "rising costs");

	static final List<String> SUBHEADINGS = List.of("What happens next", "How we got here", "What it costs",
			"What residents say", "The numbers", "What critics say", "Who is affected", "Background", "The timetable",
			"What the plan leaves out", "A long argument", "Why it matters");

	static final List<String> QUOTES = List.of(
			"We have waited for this long enough. Now it has to work for the people who use it every day.",
			"Nobody asked us. We read about it in the Ledger like everyone else.",
			"It is not glamorous, but it is the kind of decision that changes a neighbourhood for thirty years.",
			"The money is there. What has been missing is the will to spend it on {object}.",
			"I have seen three plans like this one. This is the first with a budget and a date attached.",
			"If this fails, it will not be because of the engineers. It will be because of the paperwork.",
			"People in {place} are practical. Show them it works and they will come.",
			"We counted {number} {group} in a single morning. The old figures were simply wrong.",
			"Our members are not against change. They are against finding out about it last.",
			"Ask me again in {month}. By then we will know whether the numbers hold.",
			"It is a small thing on paper and a big thing on the street.",
			"This city is good at starting things. I would like us to get better at finishing them.");

	/** Sentences of a news story; every {@code {slot}} is filled by {@link StoryWriter}. */
	static final List<String> SENTENCES = List.of(
			"{Actor} confirmed the decision on {weekday}, after {reason}.",
			"The plan covers {object}, and officials say work could begin as early as {month}.",
			"About {number} {group} in {place} would be affected, according to the council's own estimate.",
			"The cost is put at {money}, roughly {percent} percent more than first budgeted.",
			"{Person}, {role}, said the idea had been discussed for years without a result.",
			"Critics argue that the money would be better spent elsewhere, particularly in {place2}.",
			"Supporters point to a similar scheme in {place2}, which they say paid for itself within {small} years.",
			"A public consultation drew {number} responses, most of them in favour.",
			"The figures were published on {weekday} by the regional statistics office.",
			"The decision still needs the approval of the finance committee, which meets in {month}.",
			"{Person} has lived in {place} since {year} and says the area has rarely changed so quickly.",
			"Several {group} who spoke to the Ledger said they had heard about the plan only this week.",
			"The proposal was first raised in {year}, shelved during the pandemic and revived last spring.",
			"Officials expect the first results to be visible by the end of {month}.",
			"The council's documents show that {percent} percent of the budget would come from regional funds.",
			"Opponents have until {month} to lodge formal objections.",
			"A spokesperson said no final decision had been made about the timetable.",
			"In {place}, reactions were mixed.",
			"For {group}, the most important question is what happens in the meantime.",
			"The last comparable project, finished in {year}, ran {small} months late.",
			"{Person2}, {role2}, disagreed, calling the plan rushed and the estimates optimistic.",
			"At a packed meeting in {place} on {weekday} evening, more than {tens} people queued to speak.",
			"The Ledger asked for the full cost breakdown; the department said it would publish it in {month}.",
			"Independent estimates put the long-term saving at {money} over ten years.",
			"Nothing will change before {month}, officials stressed.",
			"Similar arguments were heard in {year}, when the city last tried something comparable.",
			"The first phase is limited to {place}; the rest of the city would follow if it succeeds.",
			"Local businesses are split: some expect more customers, others fear months of disruption.",
			"The department has hired {small} extra staff to handle the work.",
			"A survey of {number} households found that {percent} percent supported the change.",
			"The timetable depends on a contract that has not yet been signed.",
			"{Person} said the most common question from {group} was simply when it would start.",
			"The opposition has promised to raise the issue again at the next council session.",
			"Documents seen by the Ledger show the idea was first costed at {money2}.",
			"The city's auditor is expected to report on the project in {month}.",
			"Most of the work would take place at night to limit disruption in {place}.",
			"Residents of {place2} have asked for the same treatment.",
			"The decision follows a trial that ran for {small} months last year.",
			"None of the officials involved would say whether the budget includes a reserve for overruns.",
			"The Ledger will follow the project as it develops.",
			"{Person2} said the details mattered more than the headline figure.",
			"The council has set aside {money2} for the first year alone.",
			"Earlier this year, {actor} said the idea was not a priority.",
			"The change was not in any party's election programme.",
			"Some {group} said they welcomed the decision but doubted the timetable.",
			"A similar proposal failed by {small} votes in {year}.",
			"The department said it had learned from the problems of the last project in {place2}.",
			"Work on the design has already cost {money2}, according to the budget papers.",
			"The regional government has promised to cover {percent} percent of any overrun.",
			"The idea came from a group of {group} who collected signatures outside the library in {place}.",
			"Officials said they would hold drop-in sessions in {place} and {place2} before the summer.",
			"It is the {ordinal} time in {small} years that the question has reached the council chamber.",
			"There is no plan B, {Person} said, only a slower version of plan A.",
			"The figures have not been independently checked.",
			"An online map of the plan drew {number} visits in its first week.",
			"Three earlier versions of the plan were withdrawn before a vote.",
			"On {weekday} morning, the first surveyors were already at work in {place}.",
			"The decision was welcomed by the chamber of commerce and criticised by two tenants' groups.",
			"Whether the plan survives the next budget round is another question.",
			"In a written answer, the department said the risks were manageable.");

	/** Words for the hero pictures, by motif: alt text describing the picture, and a caption subject. */
	static final Map<String, String> HERO_ALT = Map.ofEntries(
			Map.entry("tram", "An illustration of a tram on a city street, with buildings and overhead wires."),
			Map.entry("bridge", "An illustration of an arched bridge over a wide river, with the city behind."),
			Map.entry("market", "An illustration of market stalls with awnings on a town square."),
			Map.entry("school", "An illustration of a school building with a playground in front."),
			Map.entry("skyline", "An illustration of a city skyline of apartment blocks and towers."),
			Map.entry("parliament", "An illustration of a columned parliament building with a dome."),
			Map.entry("harbor", "An illustration of a harbour with cranes, ships and calm water."),
			Map.entry("factory", "An illustration of industrial sheds and chimneys by the water."),
			Map.entry("concert", "An illustration of an orchestra on a lit stage in front of an audience."),
			Map.entry("stadium", "An illustration of a football stadium with floodlights."),
			Map.entry("lab", "An illustration of a laboratory bench with instruments and screens."),
			Map.entry("river", "An illustration of a river winding through flat land towards the sea."),
			Map.entry("forest", "An illustration of a forest edge with tall pines."),
			Map.entry("field", "An illustration of open fields under a wide sky."));

}
