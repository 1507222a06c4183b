package demo

import "caredesk/data"

// role is what an employee does in the support team; it decides which
// complaints they take.
type role int

const (
	roleHead    role = iota // takes escalations to the manager level
	roleSenior              // takes escalations to the senior level
	roleAgent               // frontline: takes new complaints
	roleQuality             // reviews, takes no complaints
)

var positions = [...]phrase{
	roleHead:    {"Руководитель службы клиентского сервиса", "Head of Client Service"},
	roleSenior:  {"Старший специалист", "Senior support specialist"},
	roleAgent:   {"Специалист поддержки", "Support specialist"},
	roleQuality: {"Специалист по качеству обслуживания", "Quality assurance specialist"},
}

var traineePosition = phrase{"Стажёр", "Support trainee"}

// staffMember is one employee of the demo team. speed scales their
// handling times (below 1 is faster); from and to bound, as a share of the
// period, when they work in the team: one agent leaves, two join.
type staffMember struct {
	name     phrase
	role     role
	trainee  bool
	speed    float64
	from, to float64
}

var team = []staffMember{
	{name: phrase{"Ольга Смирнова", "Margaret Collins"}, role: roleHead, speed: 0.8, to: 1},
	{name: phrase{"Дмитрий Волков", "Daniel Hughes"}, role: roleSenior, speed: 0.85, to: 1},
	{name: phrase{"Екатерина Орлова", "Rachel Turner"}, role: roleSenior, speed: 0.9, to: 1},
	{name: phrase{"Анна Белова", "Anna Reed"}, role: roleAgent, speed: 0.8, to: 1},
	{name: phrase{"Игорь Соколов", "Ian Foster"}, role: roleAgent, speed: 1.0, to: 1},
	{name: phrase{"Мария Лебедева", "Mary Sullivan"}, role: roleAgent, speed: 0.95, to: 1},
	{name: phrase{"Павел Никитин", "Paul Bennett"}, role: roleAgent, speed: 1.15, to: 1},
	{name: phrase{"Светлана Зайцева", "Sarah Mitchell"}, role: roleAgent, speed: 1.0, to: 1},
	{name: phrase{"Алексей Морозов", "Alex Morgan"}, role: roleAgent, speed: 1.1, to: 1},
	{name: phrase{"Юлия Ковалёва", "Julia Price"}, role: roleAgent, speed: 0.9, to: 1},
	{name: phrase{"Никита Фролов", "Nick Harper"}, role: roleAgent, speed: 1.35, to: 0.55},
	{name: phrase{"Ксения Романова", "Kate Palmer"}, role: roleAgent, speed: 1.05, from: 0.5, to: 1},
	{name: phrase{"Артём Григорьев", "Arthur Grant"}, role: roleAgent, trainee: true, speed: 1.3, from: 0.8, to: 1},
	{name: phrase{"Татьяна Егорова", "Tina Ellis"}, role: roleQuality, speed: 1, to: 1},
}

// subcategoryDef is a kind of complaint inside a category; texts are what
// the client writes (the same sentences detractors write in the survey,
// so both sources tell one story).
type subcategoryDef struct {
	name  phrase
	texts []phrase
}

// appeal is a non-complaint appeal: its subject and what the client wrote.
type appeal struct{ subject, text phrase }

// categoryDef is a complaint category. share is its relative weight off
// season; peak multiplies it in December/January; trend is the multiplier
// at the end of the period against the start (below 1: the department
// fixed causes). compensation is the range of goodwill payments in major
// currency units, zero when the category pays none.
type categoryDef struct {
	name                 phrase
	share, peak, trend   float64
	subs                 []subcategoryDef
	requests, questions  []appeal
	praise               []appeal
	resolutions          []phrase
	compensation         [2]int64
	compensationRate     float64
	touchpointOfFeedback touchpointID
}

var (
	lostParcel = []phrase{
		{"Посылка потерялась, служба доставки не может её найти.", "The parcel is lost and the carrier cannot find it."},
		{"Заказ значится доставленным, но я его не получал.", "The order shows as delivered but I never got it."},
	}
	courierTexts = []phrase{
		{"Курьер был невежлив и отказался поднять заказ на этаж.", "The courier was rude and refused to bring the order upstairs."},
		{"Курьер не позвонил заранее и оставил заказ у двери.", "The courier didn't call ahead and left the order at the door."},
	}
	notAsDescribed = []phrase{
		{"Качество товара хуже, чем на фотографиях.", "The product is worse than in the photos."},
		{"Цвет и материал не совпадают с описанием на сайте.", "The colour and material don't match the description on the site."},
	}
	wrongItem = []phrase{
		{"Прислали не тот размер.", "I received the wrong size."},
		{"В заказе оказался чужой товар.", "Someone else's item was in my order."},
	}
	defect = []phrase{
		{"Товар сломался через неделю.", "The product broke after a week."},
		{"Товар не включается прямо из коробки.", "The product doesn't switch on straight out of the box."},
	}
	doubleCharge = []phrase{
		{"Списали деньги дважды за один заказ.", "I was charged twice for the same order."},
		{"После отмены заказа деньги всё равно списали.", "I was charged even though I cancelled the order."},
	}
	invoiceError = []phrase{
		{"В счёте ошибка, исправляли две недели.", "The invoice was wrong and it took two weeks to fix."},
		{"В закрывающих документах неверные реквизиты.", "The closing documents have the wrong company details."},
	}
	wrongInfo = []phrase{
		{"Оператор дал неверную информацию о сроках доставки.", "The agent gave me wrong information about the delivery date."},
		{"Мне пообещали перезвонить и не перезвонили.", "I was promised a call back and nobody called."},
	}
	loginTexts = []phrase{
		{"После обновления не могу войти в приложение.", "Since the update I can't log in to the app."},
		{"Не приходит код подтверждения для входа.", "The login confirmation code never arrives."},
	}
	checkoutTexts = []phrase{
		{"Корзина в приложении постоянно очищается.", "The cart in the app keeps emptying itself."},
		{"Сайт выдаёт ошибку на шаге оплаты.", "The site shows an error at the payment step."},
	}
	returnRefused = []phrase{
		{"Отказали в возврате, хотя срок ещё не истёк.", "My return was refused although it was within the return period."},
		{"Возврат оформляли очень долго и требовали лишние документы.", "The return took ages and they asked for pointless paperwork."},
	}
	returnPickup = []phrase{
		{"Курьер дважды не приехал забрать возврат.", "The courier failed twice to collect my return."},
		{"Возврат забрали, но в системе он не отображается.", "The return was collected but it doesn't show in the system."},
	}
)

// categoryDelivery is the index of the Delivery category, the one the
// December/January peak overloads.
const categoryDelivery = 0

var categories = []categoryDef{
	categoryDelivery: {
		name: phrase{"Доставка", "Delivery"}, share: 30, peak: 2.2, trend: 0.8,
		subs: []subcategoryDef{
			{phrase{"Опоздание доставки", "Late delivery"}, tags[tagDeliveryDelay].neg},
			{phrase{"Повреждение при доставке", "Damaged in transit"}, tags[tagDamaged].neg},
			{phrase{"Работа курьера", "Courier conduct"}, courierTexts},
			{phrase{"Потерянная посылка", "Lost parcel"}, lostParcel},
		},
		requests: []appeal{
			{phrase{"Перенос доставки", "Reschedule delivery"}, phrase{"Прошу перенести доставку на выходные.", "Please move my delivery to the weekend."}},
			{phrase{"Смена адреса доставки", "Change delivery address"}, phrase{"Нужно изменить адрес доставки заказа.", "I need to change the delivery address of my order."}},
		},
		questions: []appeal{
			{phrase{"Где мой заказ?", "Where is my order?"}, phrase{"Подскажите, когда привезут мой заказ?", "Could you tell me when my order will arrive?"}},
		},
		praise: []appeal{
			{phrase{"Спасибо курьеру", "Thanks to the courier"}, phrase{"Курьер приехал точно в назначенное время, спасибо!", "The courier arrived exactly on time, thank you!"}},
		},
		resolutions: []phrase{
			{"Заказ доставлен повторно, стоимость доставки возвращена.", "The order was redelivered and the delivery fee refunded."},
			{"Служба доставки нашла заказ и доставила его на следующий день.", "The carrier found the order and delivered it the next day."},
			{"Повреждённый товар заменён, курьер забрал брак.", "The damaged item was replaced and the courier took the broken one back."},
		},
		compensation: [2]int64{300, 1500}, compensationRate: 0.35, touchpointOfFeedback: tpDelivery,
	},
	{
		name: phrase{"Качество товара", "Product quality"}, share: 18, peak: 1.1, trend: 0.9,
		subs: []subcategoryDef{
			{phrase{"Брак", "Defect"}, defect},
			{phrase{"Не соответствует описанию", "Not as described"}, notAsDescribed},
			{phrase{"Не тот товар", "Wrong item"}, wrongItem},
		},
		requests: []appeal{
			{phrase{"Обмен товара", "Exchange an item"}, phrase{"Хочу обменять товар на другой размер.", "I'd like to exchange the item for another size."}},
		},
		questions: []appeal{
			{phrase{"Гарантия", "Warranty"}, phrase{"Какой гарантийный срок на этот товар?", "How long is the warranty on this product?"}},
		},
		praise: []appeal{
			{phrase{"Отличное качество", "Great quality"}, phrase{"Качество отличное, всё как в описании.", "Excellent quality, exactly as described."}},
		},
		resolutions: []phrase{
			{"Товар заменён на исправный.", "The item was replaced with a working one."},
			{"Оформлен возврат денег за товар.", "A refund for the item was issued."},
		},
		compensation: [2]int64{500, 3000}, compensationRate: 0.15, touchpointOfFeedback: tpCheckout,
	},
	{
		name: phrase{"Оплата и счета", "Billing"}, share: 14, peak: 1.0, trend: 0.8,
		subs: []subcategoryDef{
			{phrase{"Двойное списание", "Double charge"}, doubleCharge},
			{phrase{"Задержка возврата денег", "Refund delay"}, tags[tagRefund].neg},
			{phrase{"Ошибка в счёте", "Invoice error"}, invoiceError},
		},
		requests: []appeal{
			{phrase{"Копия счёта", "Invoice copy"}, phrase{"Пришлите, пожалуйста, копию счёта за прошлый месяц.", "Please send me a copy of last month's invoice."}},
		},
		questions: []appeal{
			{phrase{"Способы оплаты", "Payment methods"}, phrase{"Можно ли оплатить заказ по счёту?", "Can I pay for an order by invoice?"}},
		},
		praise: []appeal{
			{phrase{"Быстрый возврат", "Quick refund"}, phrase{"Возврат оформили быстро, деньги пришли через два дня.", "The return was quick; the money was back in two days."}},
		},
		resolutions: []phrase{
			{"Лишнее списание возвращено на карту.", "The extra charge was refunded to the card."},
			{"Счёт исправлен и отправлен повторно.", "The invoice was corrected and sent again."},
		},
		compensation: [2]int64{200, 1000}, compensationRate: 0.1, touchpointOfFeedback: tpBilling,
	},
	{
		name: phrase{"Обслуживание", "Service"}, share: 16, peak: 1.2, trend: 0.6,
		subs: []subcategoryDef{
			{phrase{"Грубость сотрудника", "Rude staff"}, tags[tagStaff].neg},
			{phrase{"Долгий ответ", "Slow answer"}, tags[tagWaitTime].neg},
			{phrase{"Неверная консультация", "Wrong information"}, wrongInfo},
		},
		requests: []appeal{
			{phrase{"Обратный звонок", "Call back"}, phrase{"Перезвоните мне, пожалуйста, после 18:00.", "Please call me back after 6 pm."}},
		},
		questions: []appeal{
			{phrase{"Часы работы", "Opening hours"}, phrase{"До которого часа работает поддержка?", "Until what time is support open?"}},
		},
		praise: []appeal{
			{phrase{"Спасибо за помощь", "Thanks for the help"}, phrase{"Спасибо Анне из поддержки за помощь!", "Thanks to Anna from support for her help!"}},
			{phrase{"Вежливый оператор", "Polite agent"}, phrase{"Оператор вежливый и внимательный, всё объяснил.", "The agent was polite and patient and explained everything."}},
		},
		resolutions: []phrase{
			{"Принесены извинения, с сотрудником проведена беседа.", "We apologised and spoke to the employee."},
			{"Клиенту дана верная консультация, вопрос закрыт.", "The client got the right answer and the matter is closed."},
		},
		touchpointOfFeedback: tpSupport,
	},
	{
		name: phrase{"Сайт и приложение", "Website and app"}, share: 14, peak: 1.0, trend: 0.7,
		subs: []subcategoryDef{
			{phrase{"Сбой приложения", "App crash"}, tags[tagAppBug].neg},
			{phrase{"Проблемы со входом", "Login problem"}, loginTexts},
			{phrase{"Ошибка оформления заказа", "Checkout error"}, checkoutTexts},
		},
		requests: []appeal{
			{phrase{"Удаление аккаунта", "Delete account"}, phrase{"Прошу удалить мой аккаунт.", "Please delete my account."}},
		},
		questions: []appeal{
			{phrase{"История заказов", "Order history"}, phrase{"Где в приложении посмотреть историю заказов?", "Where can I see my order history in the app?"}},
		},
		praise: []appeal{
			{phrase{"Удобное приложение", "Handy app"}, phrase{"Удобное приложение, всё под рукой.", "Handy app, everything in one place."}},
		},
		resolutions: []phrase{
			{"Ошибка исправлена в обновлении приложения.", "The bug was fixed in an app update."},
			{"Доступ восстановлен, клиент вошёл в аккаунт.", "Access was restored and the client logged in."},
		},
		touchpointOfFeedback: tpMobileApp,
	},
	{
		name: phrase{"Возвраты", "Returns"}, share: 8, peak: 1.3, trend: 0.9,
		subs: []subcategoryDef{
			{phrase{"Отказ в возврате", "Return refused"}, returnRefused},
			{phrase{"Вывоз возврата", "Return pickup"}, returnPickup},
		},
		requests: []appeal{
			{phrase{"Оформить возврат", "Start a return"}, phrase{"Хочу вернуть товар, он не подошёл.", "I'd like to return an item that didn't suit me."}},
		},
		questions: []appeal{
			{phrase{"Срок возврата", "Return period"}, phrase{"Сколько дней есть на возврат товара?", "How many days do I have to return an item?"}},
		},
		praise: []appeal{
			{phrase{"Простой возврат", "Easy return"}, phrase{"Вернуть товар было очень просто.", "Returning the item was really easy."}},
		},
		resolutions: []phrase{
			{"Возврат принят, деньги перечислены.", "The return was accepted and the money paid back."},
			{"Курьер забрал возврат в согласованное время.", "The courier collected the return at the agreed time."},
		},
		compensation: [2]int64{200, 800}, compensationRate: 0.1, touchpointOfFeedback: tpReturns,
	},
}

// answered is the resolution of requests, questions and praise.
var answered = phrase{"Клиенту дан ответ, запрос выполнен.", "The client got an answer and the request was done."}

// Event notes.
var (
	noteWaiting    = phrase{"Запросили у клиента фото и номер заказа.", "Asked the client for photos and the order number."}
	noteClientBack = phrase{"Клиент прислал недостающие данные.", "The client sent the missing details."}
	noteReopen     = phrase{"Клиент сообщил, что проблема не решена.", "The client reports the problem is not solved."}
	noteEscalation = phrase{"Клиент недоволен ответом, требуется решение старшего специалиста.", "The client is unhappy with the answer; a senior decision is needed."}
	noteManager    = phrase{"Ключевой клиент, вопрос передан руководителю.", "A key client; handed over to the head of service."}
	noteHandover   = phrase{"Передано коллеге на время отпуска.", "Handed over to a colleague during a holiday."}
	noteReply      = phrase{"Первый ответ клиенту отправлен.", "First reply sent to the client."}
	noteWithdrawn  = phrase{"Клиент отозвал обращение: вопрос решился сам.", "The client withdrew the request: sorted out on their side."}
)

// Client tiers: a few large accounts are key clients with their own
// standard; other companies are business clients, people are standard.
const (
	TierBusiness = "business"
	TierStandard = "standard"
	keyClients   = 8
)

// Complaint channels, in the order of channelMixes so that answer hours
// can be reused; weight is the share at the start, trend the multiplier
// at the end (chat grows, phone fades).
var complaintChannels = [channelCount]struct {
	weight, trend float64
}{
	{30, 0.9}, // email
	{16, 1.0}, // web
	{18, 1.9}, // chat
	{26, 0.6}, // phone
	{6, 1.0},  // store
	{4, 1.0},  // other
}

// Appeal types: most appeals are complaints.
var typeWeights = []weighted[int]{{0, 62}, {1, 18}, {2, 15}, {3, 5}}

var appealTypes = []data.ComplaintType{data.TypeComplaint, data.TypeRequest, data.TypeQuestion, data.TypePraise}
