package demo

import "caredesk/data"

// skillDef is an entry of the demo skills catalogue.
type skillDef struct {
	name, group phrase
}

// Skill indexes, for the links below.
const (
	skillDelivery = iota
	skillProduct
	skillBilling
	skillReturns
	skillWebsite
	skillEmpathy
	skillDeescalation
	skillWriting
	skillPhone
	skillCRM
	skillStandards
	skillCoaching
)

var (
	groupProduct = phrase{"Продукт и процессы", "Product and processes"}
	groupComm    = phrase{"Коммуникации", "Communication"}
	groupTools   = phrase{"Инструменты и стандарты", "Tools and standards"}
	groupLead    = phrase{"Лидерство", "Leadership"}
)

var demoSkills = [...]skillDef{
	skillDelivery:     {phrase{"Доставка и логистика", "Delivery and logistics"}, groupProduct},
	skillProduct:      {phrase{"Знание ассортимента", "Product knowledge"}, groupProduct},
	skillBilling:      {phrase{"Оплата и счета", "Billing and payments"}, groupProduct},
	skillReturns:      {phrase{"Возвраты и обмен", "Returns and exchanges"}, groupProduct},
	skillWebsite:      {phrase{"Сайт и приложение", "Website and app"}, groupProduct},
	skillEmpathy:      {phrase{"Эмпатия", "Empathy"}, groupComm},
	skillDeescalation: {phrase{"Работа с конфликтами", "De-escalation"}, groupComm},
	skillWriting:      {phrase{"Деловая переписка", "Written communication"}, groupComm},
	skillPhone:        {phrase{"Телефонные переговоры", "Phone skills"}, groupComm},
	skillCRM:          {phrase{"CRM и тикет-система", "CRM and ticketing"}, groupTools},
	skillStandards:    {phrase{"Стандарты и SLA", "Service standards and SLA"}, groupTools},
	skillCoaching:     {phrase{"Наставничество", "Coaching"}, groupLead},
}

// categorySkills link the demo complaint categories (by index) to the
// skills that resolving them well takes.
var categorySkills = map[int][]int{
	0: {skillDelivery, skillDeescalation}, // Delivery
	1: {skillProduct, skillEmpathy},       // Product quality
	2: {skillBilling},                     // Billing
	3: {skillEmpathy, skillDeescalation, skillPhone},
	4: {skillWebsite, skillCRM},
	5: {skillReturns},
}

// requirements are the levels each role's position requires.
var requirements = map[role]map[int]data.SkillLevel{
	roleAgent: {skillDelivery: 3, skillProduct: 2, skillBilling: 2, skillReturns: 2, skillWebsite: 2, skillEmpathy: 3,
		skillDeescalation: 2, skillWriting: 3, skillPhone: 2, skillCRM: 3, skillStandards: 2},
	roleSenior: {skillDelivery: 3, skillProduct: 3, skillBilling: 3, skillReturns: 3, skillWebsite: 3, skillEmpathy: 3,
		skillDeescalation: 4, skillWriting: 3, skillPhone: 3, skillCRM: 3, skillStandards: 3, skillCoaching: 2},
	roleHead:    {skillDeescalation: 4, skillStandards: 4, skillCoaching: 4, skillEmpathy: 3},
	roleQuality: {skillStandards: 4, skillWriting: 3, skillEmpathy: 3, skillCRM: 3},
}

// traineeRequirements are what a trainee must reach by the end of the
// onboarding.
var traineeRequirements = map[int]data.SkillLevel{skillCRM: 2, skillWriting: 2, skillEmpathy: 2, skillStandards: 1, skillDelivery: 1}

// courseDef is a course of the demo catalogue; cost is per participant
// in roubles (Russian data) or pounds (English data).
type courseDef struct {
	title    phrase
	skills   []int
	format   data.CourseFormat
	hours    float64
	provider phrase
	cost     [2]int64
}

var (
	providerInternal = phrase{"Внутреннее обучение", "In-house training"}
	providerDialog   = phrase{"Учебный центр «Диалог»", "Dialogue Training Ltd"}
	providerCare     = phrase{"Школа сервиса «Забота»", "Service School"}
	providerWord     = phrase{"Онлайн-школа «Слово»", "WriteWell Online"}
	providerFin      = phrase{"Академия платёжных сервисов", "Payments Academy"}
)

var demoCourses = []courseDef{
	{phrase{"Работа с конфликтами и возражениями", "Handling conflict and de-escalation"}, []int{skillDeescalation, skillEmpathy},
		data.FormatClassroom, 16, providerDialog, [2]int64{24000, 450}},
	{phrase{"Логистика доставки: от склада до двери", "Delivery logistics from warehouse to door"}, []int{skillDelivery},
		data.FormatOnline, 6, providerInternal, [2]int64{0, 0}},
	{phrase{"Ассортимент и свойства товаров", "Product knowledge essentials"}, []int{skillProduct},
		data.FormatOnline, 8, providerInternal, [2]int64{0, 0}},
	{phrase{"Оплата, счета и возврат средств", "Billing, invoices and refunds"}, []int{skillBilling},
		data.FormatOnline, 4, providerFin, [2]int64{6000, 120}},
	{phrase{"Политика возвратов и обмена", "Returns and exchanges policy"}, []int{skillReturns},
		data.FormatOnline, 2, providerInternal, [2]int64{0, 0}},
	{phrase{"Эмпатия в клиентском сервисе", "Empathy in customer service"}, []int{skillEmpathy},
		data.FormatClassroom, 8, providerCare, [2]int64{15000, 300}},
	{phrase{"Деловое письмо в поддержке", "Business writing for support"}, []int{skillWriting},
		data.FormatOnline, 10, providerWord, [2]int64{9000, 180}},
	{phrase{"Телефонные переговоры", "Phone skills workshop"}, []int{skillPhone},
		data.FormatClassroom, 6, providerDialog, [2]int64{12000, 250}},
	{phrase{"Наставничество для старших специалистов", "Coaching for senior agents"}, []int{skillCoaching},
		data.FormatMentoring, 20, providerInternal, [2]int64{0, 0}},
	{phrase{"Стажировка на второй линии", "Shadowing the second line"}, []int{skillStandards, skillCRM, skillDelivery},
		data.FormatShadowing, 24, providerInternal, [2]int64{0, 0}},
	{phrase{"CRM: поиск, макросы, шаблоны", "CRM power user"}, []int{skillCRM, skillWebsite},
		data.FormatOnline, 3, providerInternal, [2]int64{0, 0}},
	{phrase{"Стандарты обслуживания и SLA", "Service standards and SLA"}, []int{skillStandards},
		data.FormatClassroom, 4, providerInternal, [2]int64{0, 0}},
}

// teamNames are the demo team's groups by role.
var teamNames = [...]phrase{
	roleHead:    {"Руководство", "Management"},
	roleSenior:  {"Вторая линия", "Second line"},
	roleAgent:   {"Первая линия", "First line"},
	roleQuality: {"Качество", "Quality"},
}

// newHire joined a few weeks before the end of the period and has no
// complaints yet: the second recent hire, with the onboarding under way.
var newHire = staffMember{name: phrase{"Вера Осипова", "Vera Olsen"}, role: roleAgent, trainee: true, speed: 1.3, from: 1, to: 1}

// newHireDays is how long before the end of the period newHire joined.
const newHireDays = 40

// onLeave is the index in team of the employee on leave now.
const onLeave = 13 // the quality specialist, who takes no complaints

// onboardingGoals are the 30/60/90-day goals of a new agent.
var onboardingGoals = [3]phrase{
	{"Знает CRM и стандарты, отвечает на вопросы под присмотром наставника", "Knows the CRM and the standards, answers questions with a mentor watching"},
	{"Самостоятельно ведёт простые обращения, первый ответ в срок", "Handles simple appeals alone, first responses on time"},
	{"Ведёт жалобы любой категории, доля довольных клиентов не ниже средней", "Handles complaints of every category, satisfied share at the team's level"},
}

var onboardingComments = [3]phrase{
	{"CRM освоена быстро, помогает шпаргалка по макросам", "Picked it up fast; the macro cheat sheet helps"},
	{"Первый ответ в срок в 94% обращений", "First response on time in 94% of appeals"},
	{"Доставку пока передаёт на вторую линию чаще других", "Still hands delivery cases to the second line more than others"},
}

var employeeNotes = map[int]phrase{
	0:       {"Руководитель отдела, ведёт планёрки по понедельникам", "Head of the department, runs the Monday stand-up"},
	1:       {"Наставник для новичков", "Mentors the new hires"},
	3:       {"Лучшее время решения в команде, кандидат в старшие", "Fastest resolutions in the team, a candidate for senior"},
	6:       {"Просит больше звонков: хочет развиваться в телефонных переговорах", "Asks for more calls: wants to grow in phone skills"},
	10:      {"Уволился: переезд в другой город", "Left: moved to another city"},
	onLeave: {"В отпуске по уходу за ребёнком", "On parental leave"},
}

var (
	kudosManager = phrase{"Руководитель", "Manager"}
	kudosClient  = phrase{"Клиент", "Client"}
	kudosTexts   = []phrase{
		{"Клиент отдельно поблагодарил за быстрое и вежливое решение", "The client thanked us for a quick and polite resolution"},
		{"Спокойно разобрал сложную жалобу, клиент остался доволен", "Calmly worked through a hard complaint; the client was satisfied"},
		{"Нашёл решение, которое устроило и клиента, и склад", "Found a solution that suited both the client and the warehouse"},
	}
	kudosFeedback = phrase{"Клиент назвал в отзыве и поставил высокую оценку", "Named in the client's review with a top score"}
	resultPassed  = phrase{"Сдан: %d из 100", "Passed, %d%%"}
	certificate   = phrase{"сертификаты/%s-%s.pdf", "certificates/%s-%s.pdf"}
)
