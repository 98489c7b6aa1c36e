package dumpgen

// The prose bank: who and where articles are about, and the sentence
// templates they are written from. It is data only; prose.go expands it.
//
// Template syntax: {slot} is filled by prose.go (slots listed there);
// [a|b|c] picks one alternative (alternatives may hold slots, not further
// alternatives); " // " separates sentences a template writes together, so
// that an attribution and the quote that continues it stay one unit.

// culture is a pool of names that sound like they belong together.
type culture struct {
	male, female, last []string
	// familyFirst: the family name comes first (Wang Yi → Mr. Wang).
	familyFirst bool
	// initials: chance of a middle initial, as in Vladimir V. Putin.
	initials float64
	// femaleLast turns a family name into its feminine form, if the
	// language has one (Ivanov → Ivanova).
	femaleLast func(string) string
}

var cultures = map[string]culture{
	"english": {
		male:     []string{"James", "Michael", "Robert", "David", "Thomas", "Richard", "Mark", "Andrew", "Peter", "Daniel", "Christopher", "Paul", "Declan", "Steven"},
		female:   []string{"Mary", "Sarah", "Jennifer", "Elizabeth", "Karen", "Susan", "Laura", "Emily", "Rachel", "Catherine", "Margaret", "Anne", "Helen"},
		last:     []string{"Walsh", "Thompson", "Harris", "Mitchell", "Carter", "Bennett", "Sullivan", "Crawford", "Hughes", "Fletcher", "Donovan", "Whitaker", "Reynolds", "Morrison", "Caldwell", "Gallagher", "Pritchard"},
		initials: 0.15,
	},
	"arabic": {
		male:   []string{"Ahmed", "Mohamed", "Khalid", "Omar", "Youssef", "Tarek", "Hassan", "Mustafa", "Karim", "Fayez", "Ibrahim", "Ali", "Khalifa"},
		female: []string{"Fatima", "Leila", "Nour", "Amira", "Rania", "Samira", "Huda", "Mona"},
		last:   []string{"al-Sarraj", "Hifter", "el-Masri", "Haddad", "Mansour", "Khalil", "al-Obeidi", "Farouk", "Nasser", "Saleh", "Hamdan", "Aziz", "el-Sayed", "Barakat", "Qasim"},
	},
	"turkish": {
		male:   []string{"Mevlut", "Recep", "Mehmet", "Ahmet", "Kemal", "Emre", "Burak", "Hakan", "Selim", "Ibrahim"},
		female: []string{"Ayse", "Elif", "Zeynep", "Fatma", "Esra", "Meral"},
		last:   []string{"Cavusoglu", "Yilmaz", "Demir", "Kaya", "Celik", "Sahin", "Ozturk", "Aydin", "Arslan", "Dogan", "Kilic", "Erdem", "Kalin"},
	},
	"russian": {
		male:       []string{"Vladimir", "Sergei", "Dmitri", "Alexei", "Nikolai", "Mikhail", "Andrei", "Igor", "Yuri", "Pavel"},
		female:     []string{"Maria", "Yelena", "Olga", "Tatiana", "Irina", "Natalia", "Valentina"},
		last:       []string{"Lavrov", "Ivanov", "Petrov", "Sokolov", "Volkov", "Morozov", "Kuznetsov", "Orlov", "Belov", "Zaitsev", "Karpov", "Novikov", "Peskov"},
		initials:   0.35,
		femaleLast: func(s string) string { return s + "a" },
	},
	"ukrainian": {
		male:   []string{"Volodymyr", "Oleksandr", "Dmytro", "Andriy", "Vitali", "Petro", "Mykola"},
		female: []string{"Yulia", "Olena", "Iryna", "Oksana", "Halyna"},
		last:   []string{"Kuleba", "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchuk", "Lysenko", "Boyko", "Marchenko"},
	},
	"spanish": {
		male:   []string{"Carlos", "José", "Luis", "Miguel", "Javier", "Andrés", "Alejandro", "Diego", "Fernando", "Ricardo"},
		female: []string{"María", "Ana", "Lucía", "Carmen", "Gabriela", "Sofía", "Valentina"},
		last:   []string{"García", "Rodríguez", "Martínez", "Hernández", "López", "Morales", "Castillo", "Ortega", "Vargas", "Romero", "Navarro", "Delgado", "Mendoza", "Herrera"},
	},
	"portuguese": {
		male:   []string{"Luiz", "João", "Paulo", "Marcelo", "Rodrigo", "Fernando", "Eduardo"},
		female: []string{"Dilma", "Marina", "Ana", "Beatriz", "Luciana", "Renata"},
		last:   []string{"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Carvalho", "Almeida", "Ferreira", "Rocha"},
	},
	"french": {
		male:   []string{"Jean", "Pierre", "François", "Emmanuel", "Nicolas", "Laurent", "Olivier", "Julien"},
		female: []string{"Marie", "Claire", "Sophie", "Isabelle", "Camille", "Anne-Laure"},
		last:   []string{"Dubois", "Lefebvre", "Moreau", "Girard", "Bonnet", "Mercier", "Fontaine", "Rousseau", "Chevalier", "Lambert", "Faure"},
	},
	"german": {
		male:   []string{"Wolfram", "Klaus", "Stefan", "Jürgen", "Markus", "Matthias", "Andreas", "Heiko"},
		female: []string{"Angela", "Ursula", "Katrin", "Annalena", "Sabine", "Petra"},
		last:   []string{"Lacher", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Wagner", "Krause", "Brandt"},
	},
	"italian": {
		male:   []string{"Giuseppe", "Matteo", "Luigi", "Paolo", "Marco", "Giorgio", "Stefano"},
		female: []string{"Giorgia", "Chiara", "Francesca", "Elena", "Paola"},
		last:   []string{"Conte", "Rossi", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"},
	},
	"african": {
		male:   []string{"Oluwaseun", "Chinedu", "Emeka", "Kwame", "Abiy", "Uhuru", "William", "Tunde", "Samuel", "Joseph"},
		female: []string{"Ngozi", "Amina", "Wanjiru", "Chiamaka", "Aisha", "Folake"},
		last:   []string{"Okafor", "Adeyemi", "Okonkwo", "Mwangi", "Otieno", "Kenyatta", "Ruto", "Bello", "Abubakar", "Tesfaye", "Girma", "Eze", "Kamau"},
	},
	"indian": {
		male:   []string{"Narendra", "Rahul", "Amit", "Arvind", "Sanjay", "Rajesh", "Vikram", "Anil"},
		female: []string{"Priya", "Nirmala", "Sunita", "Kavita", "Anjali", "Meera"},
		last:   []string{"Modi", "Gandhi", "Shah", "Sharma", "Patel", "Singh", "Gupta", "Reddy", "Iyer", "Nair", "Mehta", "Chatterjee"},
	},
	"japanese": {
		male:   []string{"Shinzo", "Yoshihide", "Fumio", "Taro", "Hiroshi", "Kenji"},
		female: []string{"Yuriko", "Sanae", "Yoko", "Akiko", "Keiko"},
		last:   []string{"Abe", "Suga", "Kishida", "Kono", "Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Ito"},
	},
	"chinese": {
		male:        []string{"Yi", "Qiang", "Jinping", "Wei", "Lei", "Jun", "Ming", "Xiaoming"},
		female:      []string{"Chunying", "Hua", "Ying", "Xiaomei", "Lan"},
		last:        []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"},
		familyFirst: true,
	},
}

// country is a place an article can be about.
type country struct {
	name, adj, capital string
	cities             []string
	culture            string
}

var countries = []country{
	{"Libya", "Libyan", "Tripoli", []string{"Benghazi", "Misurata", "Surt"}, "arabic"},
	{"Egypt", "Egyptian", "Cairo", []string{"Alexandria", "Port Said", "Aswan"}, "arabic"},
	{"Iraq", "Iraqi", "Baghdad", []string{"Basra", "Mosul", "Erbil"}, "arabic"},
	{"Lebanon", "Lebanese", "Beirut", []string{"Sidon", "Tyre", "Baalbek"}, "arabic"},
	{"Jordan", "Jordanian", "Amman", []string{"Zarqa", "Irbid", "Aqaba"}, "arabic"},
	{"Tunisia", "Tunisian", "Tunis", []string{"Sfax", "Sousse", "Kairouan"}, "arabic"},
	{"Turkey", "Turkish", "Ankara", []string{"Istanbul", "Izmir", "Gaziantep"}, "turkish"},
	{"Russia", "Russian", "Moscow", []string{"St. Petersburg", "Kazan", "Novosibirsk"}, "russian"},
	{"Ukraine", "Ukrainian", "Kyiv", []string{"Kharkiv", "Odesa", "Lviv"}, "ukrainian"},
	{"Germany", "German", "Berlin", []string{"Munich", "Hamburg", "Frankfurt"}, "german"},
	{"France", "French", "Paris", []string{"Marseille", "Lyon", "Toulouse"}, "french"},
	{"Italy", "Italian", "Rome", []string{"Milan", "Naples", "Turin"}, "italian"},
	{"Spain", "Spanish", "Madrid", []string{"Barcelona", "Valencia", "Seville"}, "spanish"},
	{"Mexico", "Mexican", "Mexico City", []string{"Guadalajara", "Monterrey", "Tijuana"}, "spanish"},
	{"Colombia", "Colombian", "Bogotá", []string{"Medellín", "Cali", "Cartagena"}, "spanish"},
	{"Argentina", "Argentine", "Buenos Aires", []string{"Córdoba", "Rosario", "Mendoza"}, "spanish"},
	{"Brazil", "Brazilian", "Brasília", []string{"São Paulo", "Rio de Janeiro", "Salvador"}, "portuguese"},
	{"Nigeria", "Nigerian", "Abuja", []string{"Lagos", "Kano", "Ibadan"}, "african"},
	{"Kenya", "Kenyan", "Nairobi", []string{"Mombasa", "Kisumu", "Nakuru"}, "african"},
	{"Ethiopia", "Ethiopian", "Addis Ababa", []string{"Mekelle", "Gondar", "Bahir Dar"}, "african"},
	{"India", "Indian", "New Delhi", []string{"Mumbai", "Kolkata", "Chennai"}, "indian"},
	{"Japan", "Japanese", "Tokyo", []string{"Osaka", "Yokohama", "Fukuoka"}, "japanese"},
	{"China", "Chinese", "Beijing", []string{"Shanghai", "Wuhan", "Shenzhen"}, "chinese"},
	{"Britain", "British", "London", []string{"Manchester", "Birmingham", "Glasgow"}, "english"},
	{"Canada", "Canadian", "Ottawa", []string{"Toronto", "Vancouver", "Montreal"}, "english"},
	{"Australia", "Australian", "Canberra", []string{"Sydney", "Melbourne", "Brisbane"}, "english"},
}

var (
	orgs = []string{"the United Nations", "the European Union", "NATO", "the African Union", "the Arab League",
		"the International Monetary Fund", "the World Bank", "the World Health Organization", "the Red Cross",
		"the International Criminal Court", "the Group of 20", "the U.N. Security Council"}
	institutes = []string{"the Brookings Institution", "Chatham House", "the International Crisis Group",
		"the Carnegie Endowment for International Peace", "the German Institute for International and Security Affairs",
		"the Council on Foreign Relations", "the Center for Strategic and International Studies", "the London School of Economics",
		"Georgetown University", "the European Council on Foreign Relations", "the Atlantic Council", "Sciences Po in Paris"}
	usStates   = []string{"Ohio", "Texas", "Florida", "Maine", "Utah", "Georgia", "Arizona", "Michigan", "Oregon", "Virginia", "Kansas", "Nevada"}
	jobs       = []string{"shopkeeper", "teacher", "taxi driver", "nurse", "retired engineer", "student", "construction worker", "pharmacist", "farmer", "baker", "mechanic", "civil servant"}
	expertJobs = []string{"a senior fellow", "a researcher", "an analyst", "a professor of political science", "a former diplomat who is now a fellow", "the director of research"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthsAbbr = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	months     = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// topic is what an article is about: the nouns that generic templates
// borrow ({issue}, {effort}), the titles its cast carries, and the
// templates only it uses.
type topic struct {
	name      string
	crisis    bool     // people flee it or are caught up in it
	issue     []string // noun phrases for the matter at hand
	effort    []string // noun phrases for the attempt to deal with it
	minister  []string // the minister's portfolio
	officer   []string // title for the {gen} person: "Gen.", "Col.", "Dr."
	headlines []string
	ledes     []string
	body      []string
	quotes    []string
}

var topics = []topic{
	{
		name:     "conflict",
		crisis:   true,
		issue:    []string{"the conflict", "the fighting", "the war", "the cease-fire"},
		effort:   []string{"the peace effort", "the talks", "the negotiations", "the diplomatic push"},
		minister: []string{"Foreign Minister", "Defense Minister"},
		officer:  []string{"Gen.", "Col.", "Gen."},
		headlines: []string{
			"{C2} and {C3} [Make Joint Call|Call Jointly|Press] for Cease-Fire in {C}",
			"[Fighting|Clashes] [Intensify|Escalate|Spread] [Near|Around|Outside] {Cap} as Talks [Stall|Falter]",
			"{Cadj} Forces [Seize|Capture|Take] {City} in [Blow|Setback] to {Cap} Government",
			"{C2} [Sends|Deploys] Troops to {C} [as|While] {Org} [Urges|Calls for] Restraint",
			"[Hopes|Talk] of Truce [Fade|Dim] as [Shelling|Airstrikes] [Hit|Pound] {City}",
			"{lead.last} [Rejects|Dismisses|Spurns] [Foreign|Outside] [Pressure|Demands] to [End|Halt] {Cadj} [War|Fighting]",
		},
		ledes: []string{
			"{C2} and {C3} called on {Day} for a cease-fire in {C} to begin [{Day2} night|this weekend|at midnight], stepping in to try to resolve a conflict that Western powers and {Org} have struggled to end.",
			"Forces loyal to {gen.t} [seized|captured|took control of] the city of {City} on {Day}, [dealing a blow to|undercutting] the {Cadj} government and [raising fears of|threatening] a wider war.",
			"[Heavy fighting|Intense shelling] broke out [on the outskirts of|around|near] {Cap} on {Day}, [killing at least {N} people|leaving dozens dead], [officials said|according to local officials], as [diplomats|mediators] scrambled to [salvage|revive] a [fragile|faltering] truce.",
			"{C2} said on {Day} that it would [send|deploy] troops to {C}, [a move that|a decision that] [risks|threatens] [drawing|pulling] another regional power deeper into a war that has [raged|dragged on] for [months|years].",
		},
		body: []string{
			"{C2adj} contract soldiers have been deployed for months in support of the commander in the east, {gen.t}, who is trying to take control of the capital, {Cap}.",
			"The deployment remains small, with {N} {C2adj} troops in {C} so far, led by a [lieutenant general|senior officer] who will command an operations center, [news outlets|local media] have reported.",
			"{gen.r}’s forces seized the [coastal|strategic] city of {City} on {Day} and [came closer to threatening|edged closer to] the capital.",
			"The [fighting|violence] has [killed|left dead] more than {NN} people and [displaced|forced from their homes] [nearly|about|more than] {NN} others since {Month}, according to {Org}.",
			"[Mediators|Diplomats] had hoped to bring the two sides together in {Cap2} [next week|later this month], but [neither side|no one] has agreed to attend.",
			"{Org} has imposed an arms embargo on {C}, but [it is widely flouted|diplomats say it is routinely ignored] by the [foreign|outside] powers backing the warring sides.",
			"Satellite images [reviewed by|obtained by] [researchers|analysts] showed [cargo planes|convoys of trucks] arriving at a military base near {City} in recent weeks.",
			"The government in {Cap} [accused|blamed] {C2} of [supplying|providing] [drones|weapons and fighters] to its rivals, a charge {C2} has [denied|rejected].",
			"[Residents|Families] in {City} described [nights of shelling|days without electricity] and [shortages of food and medicine|long lines for bread and fuel] as the front line [moved closer|crept toward the city].",
			"It is not clear how much {C2} and {C3} can influence events on the ground, but their leaders have met regularly to discuss military deployments [in the region|across the region].",
			"The cease-fire was aimed at supporting a resumption of {Org}-backed negotiations between the warring parties [and further talks in {Cap2}|, the statement said].",
			"{C2} has supported [rebel factions|armed groups] that rose up against the former leader, {gen2.t}, in {Year} and has provided assistance to the government [alongside {C3}|ever since].",
			"Previous cease-fires [in {C}|in the conflict] [have collapsed within days|quickly broke down], and [analysts|diplomats] warned that this one [could meet the same fate|was unlikely to hold].",
			"{off.n}, {off.d}, said that [at least|more than] {N} [fighters|soldiers] had been killed in [the latest clashes|two days of fighting] near {City}.",
			"[The|A] [drone strike|missile strike|airstrike] on {Day} hit a [military academy|school|market] in {City}, [killing|and killed] at least {N} people, [according to|the health ministry said, citing] [local officials|hospital records].",
			"{C2} and {C3} support different sides in the conflict, [a rivalry that|an arrangement that] has [complicated|undermined] every attempt at a [lasting|durable] settlement.",
		},
		quotes: []string{
			"We call on all parties to stop hostilities and return to the negotiating table",
			"There can be no military solution to this conflict",
			"Seeking a military solution only causes further suffering and deepens the divisions among the people",
			"We will defend the capital until the last of our fighters",
			"The Europeans and Americans let this conflict drag on until it reached a stalemate",
		},
	},
	{
		name:     "economy",
		issue:    []string{"the downturn", "the currency crisis", "the surge in prices", "the budget shortfall", "the trade dispute"},
		effort:   []string{"the rescue package", "the austerity plan", "the talks with creditors", "the recovery plan"},
		minister: []string{"Finance Minister", "Economy Minister", "Trade Minister"},
		officer:  []string{"Dr.", "Dr."},
		headlines: []string{
			"{Cadj} [Central Bank|Policymakers] [Raises|Lifts] Rates [Again|Sharply] as Inflation [Hits|Reaches] {Dec}%",
			"{C} [Reaches|Nears|Strikes] Deal With {Org} on {Money} [Loan|Bailout]",
			"[Currency|{Cadj} Currency] [Plunges|Tumbles|Slides] to Record Low [Against|Versus] the Dollar",
			"[Strikes|Protests] [Spread|Grow] in {C} [Over|Against] [Fuel|Food] Price [Increases|Rises]",
			"{C} and {C2} [Trade|Exchange] [Tariffs|Threats] as [Talks|Negotiations] [Collapse|Break Down]",
		},
		ledes: []string{
			"{C}’s central bank raised its benchmark interest rate to {Dec} percent on {Day}, [its {ord} increase this year|the largest increase in two decades], as [officials|policymakers] [struggled|tried] to [tame|contain] [inflation|soaring prices].",
			"The {Cadj} government [reached|announced] a [preliminary|tentative] agreement with {Org} on {Day} for a {Money} loan, [seeking to|hoping to] [shore up|stabilize] an economy [battered by|reeling from] [inflation and debt|a currency collapse].",
			"[Thousands of|Tens of thousands of] workers [walked off the job|went on strike] across {C} on {Day} to protest [rising fuel prices|cuts to subsidies], [shutting down|disrupting] [ports|railways and schools] in {Cap} and {City}.",
		},
		body: []string{
			"Consumer prices rose {Dec} percent in {Month} from a year earlier, the [fastest pace|highest rate] since {Year}, [according to|figures released on {Day} by] the national statistics agency.",
			"The {Cadj} currency has lost [about|nearly|more than] {N} percent of its value against the dollar since {Month}, [making imports more expensive|pushing up the cost of food and fuel].",
			"Under the terms of the deal, {C} [agreed to|will have to] [cut fuel subsidies|raise taxes on banks and phone companies] and [reduce its budget deficit|trim public spending] to {Dec} percent of economic output by {Year}.",
			"The economy grew just {Dec} percent in the [last|third|second] quarter, [well below|short of] the {Dec} percent the government had [forecast|projected] in its budget.",
			"Unemployment among young people [stands at|has risen to] [nearly|about] {N} percent, [according to|by one estimate from] the World Bank.",
			"[Investors|Foreign investors] pulled [more than|nearly] {Money} out of {Cadj} bonds [in the past month|last quarter], [data from the central bank showed|according to central bank data].",
			"{chief.t}, {chief.d}, said [demand had slowed|orders had fallen] [sharply|by nearly a third] since the [start of the year|summer].",
			"Exports to {C2}, [its largest trading partner|a major market], fell {Dec} percent in {Month}, the [trade ministry|customs agency] said.",
			"The {Cadj} stock market [fell|dropped|tumbled] {Dec} percent on {Day}, [its worst day since|the steepest decline since] {Month} {Year}.",
			"Economists said the [rate increase|new policy] [would do little to|was unlikely to] [ease|relieve] the pressure on households [in the short term|before the end of the year].",
			"The government has [pledged|promised] to [protect|shield] the poorest families by [expanding cash transfers|raising the minimum wage to {NN} a month].",
			"[Officials|Negotiators] from {Org} arrived in {Cap} on {Day} for [a week of talks|talks on the next tranche of the loan], [according to|the finance ministry said in] a statement.",
		},
		quotes: []string{
			"Inflation is the biggest threat to the living standards of ordinary families",
			"We cannot keep borrowing to pay for subsidies we cannot afford",
			"Every week the prices go up and our wages stay the same",
			"The markets have lost confidence, and winning it back will take years",
		},
	},
	{
		name:     "politics",
		issue:    []string{"the election", "the bill", "the political crisis", "the vote", "the coalition crisis"},
		effort:   []string{"the campaign", "the coalition talks", "the reform plan", "the inquiry"},
		minister: []string{"Interior Minister", "Justice Minister", "Deputy Prime Minister"},
		officer:  []string{"Gen.", "Dr."},
		headlines: []string{
			"{lead.last} [Survives|Wins|Faces] [Confidence|No-Confidence] Vote [in|as] {Cadj} Parliament [Splits|Erupts]",
			"{C} Votes in [Election|Runoff] [Seen|Viewed] as [Test|Referendum] for {lead.last}",
			"[Opposition|Rivals] [Claims|Claim] Victory in {Cadj} Election as [Count|Results] [Continues|Trickle In]",
			"{Cadj} Lawmakers [Pass|Approve|Reject] [Contested|Divisive|Sweeping] [Bill|Law] on [Courts|Elections|Media]",
			"{lead.last}’s [Coalition|Government] [Collapses|Teeters] After [Partner|Ally] [Quits|Walks Out]",
		},
		ledes: []string{
			"{C}’s Parliament [approved|passed] a [contested|sweeping] bill on {Day} that would [give the government more control over the courts|change how judges are appointed], [setting off|prompting] [protests|demonstrations] in {Cap} and {City}.",
			"Voters in {C} went to the polls on {Day} in [an election|a parliamentary election] [widely seen as|viewed as] a [referendum|test] on {lead.t} and {lead.his} [handling|management] of the economy.",
			"{lead.t}’s governing coalition [collapsed|fell apart] on {Day} after its [junior partner|smallest party] [walked out|withdrew], [plunging|throwing] {C} into [its third political crisis in two years|a new period of uncertainty].",
		},
		body: []string{
			"The bill passed by a vote of {N} to {N2} after [a marathon debate|hours of debate] that [stretched past midnight|ran late into the night].",
			"Turnout was {N} percent [by 6 p.m.|by late afternoon], [slightly higher than|down from] [the last election|the previous vote] in {Year}, the electoral commission said.",
			"[Preliminary results|Early returns] showed the governing party with about {N} percent of the vote, [ahead of|trailing] the main opposition party.",
			"[Opposition leaders|Critics] have [accused|charged] the government of [using|exploiting] the [pandemic|crisis] to [weaken|sideline] [the courts|independent institutions and the press].",
			"{rival.t}, {rival.d}, [called the vote|described the result as] [a victory for democracy|a turning point for the country] and [urged|called on] the government to [respect the outcome|step aside].",
			"[Thousands of|Tens of thousands of] [protesters|demonstrators] [gathered|rallied] outside Parliament on {Day} evening, [waving flags|chanting slogans] [and blocking traffic|until well after midnight].",
			"Under the [constitution|electoral law], the president has {N} days to [ask a party leader to form|name a candidate to form] a new government.",
			"[Polls|Opinion surveys] [published|released] [before the vote|last week] showed the two main parties [roughly tied|running neck and neck], with [many voters|about a fifth of voters] still undecided.",
			"{sen.t}, {sen.d}, said the United States was [watching closely|following the vote closely] and [urged|called on] all sides to [refrain from violence|accept the results].",
			"The [election commission|electoral board] said it had received [more than|about] {NN} complaints [of irregularities|about voting procedures], [most of them minor|though none that would change the result].",
			"{lead.r} has [governed|led the country] since {Year}, [winning|securing] [three|two] elections on promises to [fight corruption|revive the economy].",
		},
		quotes: []string{
			"This is a dark day for our democracy",
			"The people have spoken, and we will respect their decision",
			"We will not let a small group of politicians hold the country hostage",
			"No government can survive without the trust of the people",
		},
	},
	{
		name:     "quake",
		crisis:   true,
		issue:    []string{"the earthquake", "the quake", "the disaster"},
		effort:   []string{"the rescue effort", "the relief effort", "the recovery", "the search for survivors"},
		minister: []string{"Interior Minister", "Health Minister"},
		officer:  []string{"Col.", "Gen."},
		headlines: []string{
			"[Death Toll|Toll] [Rises|Climbs] to {NN} After [Earthquake|Quake] [Strikes|Hits|Devastates] {Cadj} [Region|Cities]",
			"[Rescuers|Rescue Teams] [Race|Struggle] to [Reach|Find] Survivors in {City} [After|as] [Quake|Aftershocks] [Kills|Rattle] [Hundreds|Region]",
			"[Powerful|Deadly|Magnitude {Dec}] [Earthquake|Quake] [Strikes|Hits|Shakes] [Southern|Eastern|Northern] {C}",
		},
		ledes: []string{
			"A [powerful|magnitude {Dec}] earthquake struck [southern|eastern|northern] {C} [early|before dawn] on {Day}, [toppling|flattening] buildings in {City} and [killing|leaving dead] at least {N} people, officials said.",
			"[Rescuers|Rescue teams] [dug|searched] through [the rubble of collapsed buildings|mounds of concrete and twisted steel] in {City} on {Day}, [a day after|hours after] a [powerful|deadly] earthquake [killed|left dead] more than {NN} people across {C}.",
		},
		body: concat([]string{
			"[Rescue workers|Rescuers] [used|dug with] [bare hands and shovels|cranes and sniffer dogs] to search the rubble of [collapsed|flattened] [apartment buildings|homes] in {City} through the night.",
			"The [epicenter|center] of the quake was about {N} miles [southeast|northwest] of {City} at a depth of {Dec} miles, according to [the United States Geological Survey|the national seismological agency].",
			"[Dozens of|More than {N}] aftershocks [rattled|shook] the region [overnight|through {Day}], [the strongest|one of them] [a magnitude {Dec}|measuring {Dec}], [sending|driving] [residents|survivors] back into the streets.",
			"In {City}, [families|residents] [slept|spent the night] [in cars|in tents|outdoors] for fear of aftershocks, [wrapped in blankets|huddled around fires] as temperatures dropped.",
			"[Engineers|Critics] [said|argued] that [many|most] of the [collapsed|destroyed] buildings had been [built|put up] [before|in violation of] [building codes|rules] [introduced|tightened] after a [deadly|devastating] quake in {Year}.",
		}, disasterBody),
		quotes: []string{
			"We heard a sound like thunder and then everything collapsed",
			"The building shook for almost a minute, and then the walls came down",
		},
	},
	{
		name:     "floods",
		crisis:   true,
		issue:    []string{"the flooding", "the storm", "the disaster"},
		effort:   []string{"the rescue effort", "the relief effort", "the recovery", "the evacuation"},
		minister: []string{"Interior Minister", "Environment Minister"},
		officer:  []string{"Col.", "Gen."},
		headlines: []string{
			"[Floods|Flooding] [Kill|Leave] [Dozens|Hundreds] [in|Across] {C} [as|After] [Rivers Burst|Dams Fail]",
			"[Storm|Heavy Rain] [Lashes|Batters|Pounds] {C}, [Forcing Thousands to Flee|Prompting Mass Evacuations] [Near|Outside] {City}",
			"[Rescuers|Rescue Teams] [Race|Struggle] to [Reach|Find] [Stranded|Missing] [Villagers|Residents] in {Cadj} Floods",
		},
		ledes: []string{
			"[Torrential rain|Days of heavy rain] [caused|set off] [flash floods|deadly flooding] across {C} this week, [sweeping away|washing away] [homes and bridges|roads and farmland] and [forcing|prompting] the evacuation of [more than|nearly] {NN} people.",
			"[A powerful storm|A slow-moving storm] [dumped|unleashed] [record rainfall|more than a month’s worth of rain] on [southern|eastern] {C} on {Day}, [flooding|submerging] [neighborhoods|entire villages] near {City} and [killing|leaving dead] at least {N} people.",
		},
		body: concat([]string{
			"[Meteorologists|Forecasters] [warned|said] that more rain was expected [over the weekend|through {Day}], raising the risk of [landslides|further flooding] [in the mountains|along the rivers].",
			"[Helicopters|Military boats] [plucked|rescued] [residents|families] from [rooftops|the upper floors of their homes] in {City}, where the water [rose|reached] [nearly|more than] {N} feet [in places|overnight].",
			"In {City}, [families|residents] [slept|spent the night] [in schools|in tents|on higher ground] for fear of more flooding, [wrapped in blankets|huddled around fires] as [the rain continued|the water kept rising].",
			"The [river|main river] [burst its banks|overflowed] [early|late] on {Day}, [inundating|swamping] [farmland|low-lying districts] and [cutting off|isolating] [dozens of villages|the road to {Cap}].",
		}, disasterBody),
		quotes: []string{
			"We have lost everything we had, the house, the animals, everything",
			"The water came so fast that we had no time to take anything",
		},
	},
	{
		name:     "health",
		crisis:   true,
		issue:    []string{"the outbreak", "the epidemic", "the virus", "the health crisis"},
		effort:   []string{"the vaccination campaign", "the response", "the lockdown", "the containment effort"},
		minister: []string{"Health Minister"},
		officer:  []string{"Dr.", "Dr."},
		headlines: []string{
			"{C} [Reports|Confirms] {N} New Cases [as|While] [Outbreak|Virus] [Spreads|Widens]",
			"{Cadj} [Hospitals|Doctors] [Strain|Struggle] Under [Surge|Wave] of [Patients|Infections]",
			"[W.H.O.|Health Officials] [Warn|Caution] of [Wider|Global] Spread [From|Beyond] {C}",
			"{C} [Orders|Imposes] [Lockdown|Curfew] in {City} [to Curb|to Slow] [Outbreak|Infections]",
		},
		ledes: []string{
			"Health officials in {C} reported {N} new cases of [the virus|the disease] on {Day}, [the highest daily total since|a sharp rise from] [the outbreak began|last week], and [ordered|imposed] new restrictions in {City}.",
			"{Org} [warned|said] on {Day} that the outbreak in {C} [could spread|risked spreading] [beyond its borders|to neighboring countries] [unless testing and vaccination were stepped up|if containment efforts did not improve quickly].",
		},
		body: []string{
			"[Hospitals|Clinics] in {City} [have run short of|are running low on] [oxygen and beds|protective equipment], [doctors said|according to doctors there].",
			"[About|Nearly|Only] {N} percent of the population has been fully vaccinated, [according to|data from] the health ministry, [far below|well short of] the government’s target.",
			"{gen.t}, {gen.d}, said the [new variant|strain] appeared to spread [faster|more easily] but [there was no evidence|it was too early to say whether] it caused more severe illness.",
			"[Schools|Markets] in {City} will [remain closed|be shut] until at least {Date}, and [gatherings of more than {N} people|large gatherings] have been banned.",
			"The [case fatality rate|death rate] [stands at|is] about {Dec} percent, [though|but] experts [caution|warn] that [many cases go unreported|testing remains limited].",
			"[Health workers|Nurses] [in several cities|across the country] [went on strike|threatened to strike] this week, [demanding|seeking] [hazard pay|better protection] and [overdue salaries|more staff].",
			"The government has [ordered|secured] {NN} doses of [vaccine|vaccines] from {C2}, [the first of which|most of which] are expected to arrive [by {Date}|next month].",
			"[Testing|Contact tracing] has [lagged|fallen behind] in [rural areas|the provinces], [where|and] [clinics are few|many people live hours from the nearest hospital].",
		},
		quotes: []string{
			"We are seeing more young patients than at any point in the pandemic",
			"The next two weeks will be critical",
			"People are tired, but this is not the moment to let down our guard",
		},
	},
	{
		name:     "court",
		issue:    []string{"the case", "the trial", "the investigation", "the scandal", "the corruption case"},
		effort:   []string{"the prosecution", "the investigation", "the appeal", "the inquiry"},
		minister: []string{"Justice Minister", "Interior Minister"},
		officer:  []string{"Col.", "Gen."},
		headlines: []string{
			"[Former |Ex-]{Cadj} [Minister|Official] [Convicted|Found Guilty] [of|in] [Corruption|Bribery] [Case|Scheme]",
			"{Cadj} Court [Orders|Blocks] [Release|Extradition] of [Activist|Journalist|Businessman]",
			"[Prosecutors|Investigators] [Raid|Search] Offices of {Cadj} [Company|Party] in [Widening|Growing] [Inquiry|Scandal]",
			"[Trial|Hearing] [Opens|Begins] in {City} [Over|Into] [Deadly|Fatal] [Stampede|Collapse]",
		},
		ledes: []string{
			"A court in {Cap} [convicted|found guilty] a former {Cadj} [minister|official] of [corruption|taking bribes] on {Day} and sentenced [him|the former official] to {N} years in prison, [the latest|one of the most prominent] cases in a [sweeping|yearslong] [crackdown|inquiry].",
			"[Prosecutors|Investigators] in {C} [raided|searched] the offices of [one of the country’s largest companies|a major construction company] on {Day} as part of a [widening|growing] [inquiry|investigation] into [contracts|payments] [worth|totaling] {Money}.",
		},
		body: []string{
			"The [judge|court] said the evidence showed that [he|the defendant] had [received|accepted] [payments|kickbacks] [worth|totaling] {Money} [through|via] [shell companies|relatives] between {Year} and {Year2}.",
			"[Defense lawyers|His lawyers] [said they would appeal|plan to appeal the verdict], [calling the case|describing the trial as] [politically motivated|a political vendetta].",
			"The [trial|case] has [gripped|captivated] {C}, where [corruption|graft] [remains|is seen as] [a major concern|one of voters’ biggest complaints] [according to polls|in surveys].",
			"[Prosecutors|The prosecution] had [sought|asked for] a sentence of {N} years, [arguing|saying] that [the crimes|his actions] had [cost the state|deprived the public of] [millions|{Money}].",
			"[At least|More than] {N} other [officials|executives] have been [charged|indicted] in the [case|scheme], and [several|{N2}] have [pleaded guilty|agreed to cooperate with prosecutors].",
			"[Supporters|Relatives] of the [defendant|former minister] [gathered|waited] outside the courthouse in {Cap} [on {Day}|all morning], [some|many] [holding|carrying] [signs|portraits] [proclaiming his innocence|demanding his release].",
			"The verdict [can be appealed|may be appealed] to the [Supreme Court|high court], a process that [could take|often takes] [years|more than a year].",
			"{min.t} said the government [would not interfere|had not interfered] in the [case|judicial process] and [that|insisted] the courts [were independent|had acted on their own].",
		},
		quotes: []string{
			"Nobody is above the law, no matter how powerful",
			"This verdict was written long before the trial began",
			"We will take this case to every court that will hear it",
		},
	},
}

// disasterBody are templates both kinds of natural disaster use.
var disasterBody = []string{
	"[At least|More than] {NN} people were [injured|wounded], and hospitals in {City} [were overwhelmed|ran short of beds and blood], [the health ministry said|according to the health ministry].",
	"{off.n}, {off.d}, said [the death toll was expected to rise|many people were still missing] as [rescuers reached|teams reached] [remote villages|areas cut off by landslides].",
	"[Roads|Bridges] [leading to|into] the [worst-hit|hardest-hit] areas were [blocked|destroyed], [slowing|hampering] the [delivery of aid|arrival of rescue teams].",
	"The government declared a state of emergency in {N} provinces and [deployed|sent] [soldiers|the army] to help with [evacuations|the relief effort].",
	"{C2}, {C3} and {Org} [offered|pledged] [aid|assistance], and [rescue teams|search teams] from [several countries|abroad] [began arriving|arrived] on {Day}.",
	"Scientists say [climate change|a warming climate] is making [extreme weather|heat waves and heavy rainfall] [more frequent|more intense] [in the region|across the region].",
	"“Our teams are working around the clock,” {gen.r} said, adding that [the army|soldiers] had [set up|opened] {N} [shelters|field kitchens] [in|around] {City}.",
}

// genericBody are templates any topic can use; {issue} and {effort} keep
// them on the article's subject. A leading "~" marks one that only makes
// sense for a crisis (people fleeing or caught up in it).
var genericBody = []string{
	"{lead.t} said on {Day} that {C} would [not back down|not retreat|hold firm] on {issue}, despite [mounting|growing] pressure from {Org} and [its neighbors|Western governments].",
	"The [announcement|decision] came [a day after|hours after|days after] {min.t} [met|held talks] with [officials|counterparts] in {Cap2} [to discuss|about] {effort}.",
	"It was not [immediately|yet] clear [how|whether] the [plan|agreement] would be [carried out|enforced], or [who would pay for it|how long it would take].",
	"{off.n}, {off.d}, [declined to comment|would not comment] on [the report|the reports] [but said|, saying] the government [would release more details|was reviewing its options] [soon|in the coming days].",
	"[Officials|Diplomats] in {Cap} said privately that they [doubted|were skeptical] {effort} would [succeed|produce results] without [the support of|pressure from] the United States.",
	"{Org} said in a statement that it was [deeply concerned|alarmed] by [the developments|the latest reports] and [called on|urged] all sides to [show restraint|exercise restraint].",
	"{exp.n}, {exp.d}, said the [move|decision] [reflected|showed] [how much|the extent to which] the [balance of power|situation] had [shifted|changed] [in recent months|since {Month}].",
	"[Critics|Opponents] [say|argue] that {effort} [has done little to|has failed to] [address|resolve] the [underlying|root] causes of {issue}.",
	"The [government|ministry] [did not respond|did not immediately respond] to [requests for comment|a request for comment] on {Day}.",
	"{lead.r} and {rival.r} [spoke by phone|held a phone call] on {Day}, according to [a readout from {lead.r}’s office|statements from both governments].",
	"The United States has [largely stayed out of|kept its distance from] {issue}, [leaving|ceding] [room|ground] to [regional powers|other countries] [eager|keen] to [expand their influence|fill the void].",
	"A [senior|top] U.S. official, [speaking on condition of anonymity|who spoke on the condition of anonymity] to discuss [diplomatic|internal] [deliberations|matters], said Washington [supported|welcomed] {effort}.",
	"[The|That] [meeting|summit] is [scheduled|expected] to take place in {Cap2} on {Date}, [though|but] [a date has not been confirmed|officials cautioned that it could be delayed].",
	"[Analysts|Experts] say {C2} is [seeking|trying] to [exploit|take advantage of] a diplomatic void left by [Europe’s|the West’s] failure to [end|resolve] {issue}.",
	"{issue} [has become|is now] [a central issue|a defining test] for {lead.r}, who [faces|is facing] [re-election|an election] [in {Year2}|next year].",
	"In {Cap}, [life|daily life] [went on|continued] [largely as normal|much as before] on {Day}, with [shops open|cafes full] and [traffic clogging|crowds filling] the main streets.",
	"{res.n}, {res.d}, said {res.he} had [little faith|no confidence] that {effort} would [change anything|make a difference] [for ordinary people|in {res.his} neighborhood].",
	"The [statement|announcement] [did not say|gave no details on] how the [plan|measures] would be [monitored|enforced] or what would happen if [either side|anyone] [violated|broke] it.",
	"[It was|This was] the [first|second|third] time [this year|since {Month}] that {C} had [made such a move|taken such a step], [following|after] a similar [effort|attempt] in {Year}.",
	"{lead.r}’s office said {lead.he} [would travel|planned to travel] to {Cap2} [next week|later this month] for [talks|meetings] with {rival.t}.",
	"~[Officials|Authorities] said [about|roughly|nearly] {NN} people had been [affected by|caught up in] {issue} [so far|in the past week], [though|but] the [true|real] number was [likely|probably] higher.",
	"The [report|findings], [released|published] on {Day}, [said|concluded] that [authorities|the government] had [ignored|overlooked] [repeated|several] warnings [in the months before|ahead of] {issue}.",
	"[Since|Ever since] {Month}, {C} has [tried|sought] to [present itself as|cast itself as] a [mediator|neutral broker] [between|among] [rival factions|the parties].",
	"[Still,|But] [many|some] [diplomats|officials] [remained|were] [skeptical|cautious], [noting|pointing out] that [similar promises|past pledges] had [come to nothing|quickly been abandoned].",
	"The [ministry|government] said it had [set aside|allocated] {Money} for {effort}, [part of|as part of] a [broader|wider] package [announced|unveiled] in {Month}.",
	"{min.r} [told|said in an interview with] [reporters|state television] that the [country|government] was [prepared|ready] to [make concessions|compromise] [if|as long as] its [security|interests] were [guaranteed|respected].",
	"[By|As of] {Time} on {Day}, [there had been no|there was no] [official|public] [response|reaction] from {C2}, [which|whose government] has [previously|in the past] [rejected|dismissed] such [proposals|demands].",
	"The [European Union|E.U.] [foreign policy chief|top diplomat] [is expected to|will] [visit|travel to] {Cap} [on {Day2}|later this week] to [press|push] for {effort}.",
	"[Some|Several] [lawmakers|members of Parliament] [demanded|called for] an [inquiry|investigation] into the [government’s|authorities’] [handling|management] of {issue}.",
	"{C} [has|had] [long|for years] [relied|depended] on [aid|loans] from {C2}, [which|and that relationship] has [given|afforded] {C2} [considerable|significant] [leverage|influence] in {Cap}.",
	"The [latest|newest] [figures|numbers] [from|released by] {Org} [show|suggest] that {issue} has [worsened|deepened] [since|over] the [summer|past year].",
	"[There was|There has been] [no|little] [sign|indication] that {effort} [had changed|would change] the [situation|calculations] on the ground.",
	"{sen.t}, {sen.d}, [called on|urged] the [administration|White House] to [take a tougher line|do more] [on|over] {issue}, [calling the response|describing the situation as] [inadequate|alarming].",
	"[Human rights groups|Rights groups] [have accused|accused] [both sides|the authorities] of [abuses|violations], [including|among them] [arbitrary detentions|the use of excessive force].",
	"The [agreement|plan], [which|a copy of which] was [seen by|obtained by] [reporters|The Associated Press], [runs to|is] {N} pages and [includes|sets out] a [timeline|schedule] for [its implementation|the next steps].",
	"[Earlier|Last week], {lead.r} [had|] [insisted|said] that [there would be|{lead.he} would accept] no [compromise|deal] [unless|until] {C2} [withdrew|changed course].",
	"The [dispute|tension] [dates back|goes back] to {Year}, when {C} and {C2} [fell out|clashed] over [a border|a pipeline|a trade] [deal|agreement].",
	"{C2} [has|had] [denied|rejected] [any involvement|any role|all involvement] in {issue} [and|, and it] [accused {C} of spreading|blamed {C} for circulating] [false|misleading] [information|reports].",
	"The [measures|steps] [will|would] [take effect|come into force] on {Date}, [according to|the government said in] [a decree published on {Day}|an official notice].",
	"[A|One] [poll|survey] [released|published] [last month|in {Month}] [found|showed] that {N} percent of [respondents|those surveyed] [opposed|supported] the government’s [approach to|handling of] {issue}.",
	"The [move|decision] was [quickly|swiftly] [criticized|condemned] by [officials|lawmakers] in [Washington|the U.S.], [who|and they] [said|argued] it [would|could] [embolden|strengthen] [hard-liners|extremists].",
	"{C} [remains|is still] [heavily|deeply] [dependent|reliant] on [imports from|trade with] {C2}, its [largest|second-largest] trading partner after the U.S.",
	"The [talks|meeting] [ended|broke up] [without|with no] [agreement|joint statement], [although|but] both sides [said|agreed] they would [meet again|continue talking] [in {Month}|soon].",
	"~At a news conference in {Cap}, {min.r} [said|told reporters] the [country|government] [had done|was doing] [everything possible|all it could] to [contain|limit] {issue}.",
	"[The|That] [proposal|offer] [was|has been] [rejected|turned down] by {rival.r}, who [called it|described it as] [a trap|a publicity stunt] [designed|meant] to [buy time|divide the opposition].",
	"{lead.r} [held|convened] an [emergency|urgent] meeting of [the cabinet|{lead.his} security council] [late on|on] {Day} [to discuss|to review] {issue}, [state media reported|according to state media].",
	"[Before|Prior to] {issue}, {C} had been [one of the region’s|among the region’s] [fastest-growing economies|most stable countries], [drawing|attracting] [investors|tourists] [from|across] [Europe and Asia|the world].",
	"[Video|Footage] [posted|shared] on social media [showed|appeared to show] [crowds|people] [gathering|running] in [central {City}|the streets of {City}] [as|while] [sirens wailed|smoke rose over the city].",
	"The U.N. [secretary general|envoy] [called the situation|described the developments as] [deeply worrying|extremely concerning] and [offered|said the organization was ready] to [mediate|help].",
	"[Under|According to] the [plan|proposal], [a joint committee|monitors] [would|will] [oversee|verify] [compliance|the arrangements] and [report|submit findings] to {Org} [every month|every two weeks|each month].",
	"{gen.t} [said|told reporters] on {Day} that [{gen.his} forces were|the army was] [prepared|ready] to [respond|act] [if|should] the [deal|agreement] [collapse|fail].",
	"The [first|initial] [meeting|round] of [talks|negotiations] is [set|planned] for {Date} at {Time} in {Cap2}, [officials said|according to a schedule released on {Day}].",
	"Trade between {C} and {C2} [reached|climbed to] {Money} last year, [up|an increase of] {Dec} percent from {Year}.",
	"~{C} [has|had] [also|] [sought|asked for] [help|support] from the U.N. [refugee agency|development program] to [cope with|manage] the [influx|arrival] of [people|families] [displaced by|fleeing] {issue}.",
	"[Local|Regional] [officials|leaders] in {City} [complained|said] that they had [received|been given] [little|no] [warning|information] from {Cap} [before|ahead of] the [announcement|decision].",
	"[The latest|This week’s] [developments|events] [underscored|highlighted] [how|just how] [quickly|rapidly] {issue} [could|can] [spiral|escalate] [beyond|out of] the [government’s|authorities’] control.",
	"{rival.t} [said|wrote] on social media that {lead.r} [bore|bears] [responsibility|the blame] for {issue} and [should|must] [resign|step down] [immediately|at once].",
	"{res.r}’s [neighbor|brother], a [{N}-year-old|retired] [teacher|engineer], [said|added] that [prices|rents] in {City} had [doubled|nearly doubled] [in a year|since {Month}].",
	"[Speaking|In a speech] [at|to] a [rally|gathering] in {City} on {Day}, {lead.r} [promised|vowed] to [rebuild|restore] [what had been lost|the country’s standing] [within|in] {N} months.",
	"[It is|It was] [unclear|not clear] [whether|if] the [government|authorities] [will|would] [be able to|manage to] [meet|keep] the [deadline|timetable] of {Date}.",
	"{C2adj} [state media|state television] [described|portrayed] the [visit|meeting] as [a success|a breakthrough], [while|but] [officials|diplomats] in {Cap} [were|sounded] [more cautious|less enthusiastic].",
	"{exp.r} [noted|pointed out] that {C} had [faced|weathered] [similar|comparable] [crises|challenges] [before|in the past], [most recently|notably] in {Year}.",
	"[A spokesman|A spokeswoman] for the U.N. [said|told reporters] the [organization|agency] had [not been consulted|received no notice] [before|ahead of] the [announcement|decision].",
	"The [region|area] [around|near] {City} has [been|remained] [tense|volatile] [since|ever since] {Month}, when [clashes|protests] [left {N} people dead and dozens injured|killed {N} people].",
	"[On|By] {Day} afternoon, [the|a] [convoy|delegation] [of|carrying] [aid|officials] had [reached|arrived in] {City}, [the first|one of the first] to do so [in weeks|since {Month}].",
}

// genericAsides set a phrase off with em dashes, as news prose does.
var genericAsides = []string{
	"{effort} — the [first|most serious|most ambitious] [attempt|effort] of its kind [in years|in a decade|since {Year}] — [has already run into|faces] [resistance|opposition] from [hard-liners|{rival.r}’s allies].",
	"{C2}, [a longtime ally|a major creditor] of {C} — [and|but also] [a rival for influence|a sometime rival] in the region — [has said little|has stayed largely silent] about {issue}.",
	"{lead.r} has [framed|presented] {issue} as a matter of [national security|survival] — a message that [resonates|plays well] with [{lead.his} supporters|voters] but [alarms|worries] [diplomats|investors].",
	"{Cap} — home to [about|nearly] {N} million people — [remained calm|was quiet] on {Day}, [though|but] [security was tight|checkpoints had been set up] [around government buildings|on the main roads].",
	"[Some|Many] [officials|diplomats] — [speaking privately|who asked not to be named] — [said|conceded] that {effort} was [in trouble|unlikely to succeed] [before it had begun|without American support].",
	"The [government|ministry] has [promised|pledged] [an inquiry|a full accounting] — [its third|the latest] in [as many years|two years] — [but|though] [critics|opposition lawmakers] [doubt|question] it will [lead anywhere|hold anyone accountable].",
}

// genericQuoteForms are the ways a quotation enters a sentence; {Q} is a
// quotation, {q} a short quoted phrase. Several end in a closing quote mark
// after the full stop, as the seed's do.
var genericQuoteForms = []string{
	"“{Q},” {min.t} [said|told reporters] [on {Day}|in {Cap}].",
	"“{Q},” said {exp.n}, {exp.d}.",
	"“{Q},” {off.r} said. // “{Q2}.”",
	"{lead.r} said: “{Q}.”",
	"“{Q},” {res.n}, {res.d}, said.",
	"“{Q}.”",
	"“{Q},” the [statement|joint statement] said. // “{Q2}.”",
	"{off.n}, {off.d}, described the [proposal|decision] as “{q}.”",
	"{rival.r} [called the plan|described the move as] “{q},” [adding|and said] that it was “{q2}.”",
	"“{Q},” {exp.r} said. // “{Q2}, and I do not think that will change soon.”",
	"In a [statement|post on social media], {min.r} called the [decision|plan] “{q},” [a phrase|words] [echoed|repeated] by [other officials|several ministers] [on {Day}|later in the day].",
	"The [statement|communiqué] said the [plan|agreement] would be “{q}” and would take effect at {Time} on {Date}.",
	"“{Q},” {sen.t} said in a statement.",
	"“{Q},” said {gen.r}, [speaking|who spoke] [to reporters|at a briefing] in {City}.",
}

// genericQuotes are first-person statements any topic can quote.
var genericQuotes = []string{
	"We have decided to take the initiative and call on all parties to act responsibly",
	"What we’re seeing is competition over who defines the framework for any negotiations",
	"This is not the time for half measures",
	"We are ready to talk, but we will not negotiate under threat",
	"The situation on the ground has changed dramatically in the past few weeks",
	"Nobody expected it to happen so quickly",
	"We have been warning about this for years, and nobody listened",
	"Our priority is the safety of our citizens",
	"I do not think anyone in the government understands how angry people are",
	"There is still a window for diplomacy, but it is closing",
	"We will judge them by their actions, not their words",
	"This agreement is only the first step, and the hardest part is still ahead",
	"People here are exhausted and frightened",
	"The question now is whether they are willing to raise their investment to the level that would make them king makers",
	"We cannot allow this to become the new normal",
	"It is a serious mistake, and they will come to regret it",
	"I have lived here all my life and I have never seen anything like this",
	"The government has lost control of the situation",
	"We want guarantees, not promises",
	"They are trying to rewrite the rules while the game is being played",
	"Everyone is waiting to see what the other side will do",
	"This was a decision taken by two men in a room",
	"We are asking for patience, and for trust",
	"The world cannot look away from what is happening here",
	"We did everything that was asked of us",
	"The damage to the country’s reputation will last much longer than the crisis itself",
}

// genericShortQuotes are phrases quoted inside a sentence.
var genericShortQuotes = []string{
	"a step in the right direction", "deeply troubling", "a dangerous escalation", "unacceptable and illegal",
	"a historic opportunity", "premature at best", "an act of desperation", "totally unacceptable",
	"a serious violation of international law", "a new chapter", "a betrayal of the people",
	"not worth the paper it is written on", "a positive signal", "a red line", "the foremost priority",
	"a cynical maneuver", "long overdue", "a victory for common sense", "reckless and irresponsible",
}

// headings are the short subheads that break up long articles; they have
// no full stop, as on the page.
var headings = []string{
	"What happens next", "A fragile calm", "Why it matters", "The view from {Cap}", "A long road ahead",
	"Who is involved", "What we know", "A deepening crisis", "Pressure from abroad", "The human toll",
	"Questions remain", "A history of mistrust", "Looking ahead", "The economic fallout", "Voices from {City}",
	"Competing interests", "How we got here", "A divided country", "Signs of strain", "An uncertain future",
}

// credits are the byline paragraphs that close an article; the last one
// ends without a full stop, as wire credits do.
var credits = []string{
	"{rep1} contributed reporting from {City}.",
	"{rep1} reported from {Cap}, and {rep2} from {Cap2}.",
	"{rep1} contributed reporting from {Cap}, and {rep2} from {City}.",
	"{rep1} and {rep2} contributed reporting.",
	"Reporting by {rep1} in {Cap}; Editing by {rep2}",
}
