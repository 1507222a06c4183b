package demo

import "caredesk/data"

// Language indexes into a phrase.
const (
	langRU = 0
	langEN = 1
)

// phrase is one piece of text in both languages: [langRU], [langEN].
type phrase [2]string

// tagID indexes tags; rows refer to tags by index so that generation never
// depends on map order.
type tagID int

const (
	tagDeliveryDelay tagID = iota
	tagFastDelivery
	tagDamaged
	tagPrice
	tagQuality
	tagStaff
	tagWaitTime
	tagRefund
	tagPayment
	tagAppBug
	tagCount
)

// tag is a topic label; neg phrases are what a detractor writes about it,
// pos what a promoter writes. Tags are the same in both languages, as
// survey tools export them.
type tag struct {
	name     string
	neg, pos []phrase
}

var tags = [tagCount]tag{
	tagDeliveryDelay: {name: "delivery-delay", neg: []phrase{
		{"Заказ привезли на три дня позже обещанного.", "The order arrived three days later than promised."},
		{"Курьер не приехал в выбранный интервал, пришлось ждать весь день.", "The courier missed the delivery window and I waited in all day."},
		{"Доставку дважды переносили без предупреждения.", "Delivery was rescheduled twice without any notice."},
		{"Статус заказа неделю не менялся, никто не мог сказать, где посылка.", "Tracking didn't change for a week and nobody could tell me where the parcel was."},
	}},
	tagFastDelivery: {name: "fast-delivery", pos: []phrase{
		{"Привезли на следующий день, очень быстро.", "Delivered the next day, really fast."},
		{"Курьер приехал точно в назначенное время.", "The courier arrived exactly on time."},
		{"Доставили быстрее, чем обещали.", "Delivery was faster than promised."},
	}},
	tagDamaged: {name: "damaged", neg: []phrase{
		{"Коробка пришла помятой, часть товара повреждена.", "The box arrived crushed and some items were damaged."},
		{"Упаковка порвана, товар поцарапан.", "The packaging was torn and the item scratched."},
		{"Привезли разбитый товар, а курьер отказался составлять акт.", "The item came broken and the courier refused to write it up."},
	}},
	tagPrice: {name: "price", neg: []phrase{
		{"Цены заметно выросли, у конкурентов дешевле.", "Prices have gone up a lot; competitors are cheaper."},
		{"Стоимость доставки слишком высокая для такого заказа.", "The delivery fee is far too high for an order like this."},
		{"Скидка по акции не применилась к заказу.", "The promo discount wasn't applied to my order."},
	}, pos: []phrase{
		{"Хорошие цены и понятные скидки.", "Good prices and clear discounts."},
		{"Цена полностью соответствует качеству.", "Fair price for the quality."},
	}},
	tagQuality: {name: "quality", neg: []phrase{
		{"Качество товара хуже, чем на фотографиях.", "The product is worse than in the photos."},
		{"Товар сломался через неделю.", "The product broke after a week."},
		{"Прислали не тот размер.", "I received the wrong size."},
	}, pos: []phrase{
		{"Качество отличное, всё как в описании.", "Excellent quality, exactly as described."},
		{"Всё работает так, как обещали.", "Everything works as promised."},
	}},
	tagStaff: {name: "staff", neg: []phrase{
		{"Оператор разговаривал грубо и перебивал.", "The agent was rude and kept interrupting."},
		{"Сотрудник не знал ответа и просто переключил на другого.", "The agent didn't know the answer and just transferred me."},
		{"Курьер был невежлив.", "The courier was impolite."},
	}, pos: []phrase{
		{"Оператор вежливый и внимательный, всё объяснил.", "The agent was polite and patient and explained everything."},
		{"Спасибо Анне из поддержки за помощь!", "Thanks to Anna from support for her help!"},
		{"Курьер очень вежливый, помог занести покупки.", "The courier was very polite and helped carry everything in."},
	}},
	tagWaitTime: {name: "wait-time", neg: []phrase{
		{"Ждал ответа больше часа.", "I waited over an hour for an answer."},
		{"Пять дней ждал, пока мне хоть кто-то ответит.", "It took five days before anyone got back to me."},
		{"Каждый раз заново объяснял проблему, решали две недели.", "I had to explain the problem again every time; it took two weeks."},
	}, pos: []phrase{
		{"Ответили за пару минут.", "Got an answer within a couple of minutes."},
	}},
	tagRefund: {name: "refund", neg: []phrase{
		{"Деньги за возврат до сих пор не вернули, прошло три недели.", "Still no refund after three weeks."},
		{"Возврат оформляли очень долго и требовали лишние документы.", "The return took ages and they asked for pointless paperwork."},
		{"Вернули не всю сумму и ничего не объяснили.", "Only part of the money was refunded, with no explanation."},
	}, pos: []phrase{
		{"Возврат оформили быстро, деньги пришли через два дня.", "The return was quick; the money was back in two days."},
	}},
	tagPayment: {name: "payment", neg: []phrase{
		{"Списали деньги дважды за один заказ.", "I was charged twice for the same order."},
		{"Оплата картой проходит только со второй-третьей попытки.", "Card payment only goes through on the second or third try."},
		{"В счёте ошибка, исправляли две недели.", "The invoice was wrong and it took two weeks to fix."},
	}, pos: []phrase{
		{"Удобная оплата, чек пришёл сразу.", "Easy payment, and the receipt came straight away."},
	}},
	tagAppBug: {name: "app-bug", neg: []phrase{
		{"Приложение вылетает при оформлении заказа.", "The app crashes at checkout."},
		{"После обновления не могу войти в приложение.", "Since the update I can't log in to the app."},
		{"Корзина в приложении постоянно очищается.", "The cart in the app keeps emptying itself."},
		{"Приложение очень медленно загружается.", "The app takes forever to load."},
	}},
}

// weighted is an index with a relative weight.
type weighted[T ~int | ~int8] struct {
	id     T
	weight float64
}

// touchpoint is a journey stage. effect shifts its NPS (as a fraction,
// 0.1 = 10 points) against the department level; seasonDip is the extra
// drop in the December/January peak; peakShare multiplies its share of
// responses then. neg and pos are the tags its detractors and promoters
// talk about; the phrases cover comments without a tag.
type touchpoint struct {
	name      phrase
	share     float64
	effect    float64
	seasonDip float64
	peakShare float64
	neg, pos  []weighted[tagID]
	complaint phrase // detractor, no tag
	mild      phrase // passive: the reservation after "fine, but"
	praise    phrase // promoter, no tag
}

type touchpointID int

const (
	tpCheckout touchpointID = iota
	tpDelivery
	tpSupport
	tpReturns
	tpBilling
	tpMobileApp
	touchpointCount
)

var touchpoints = [touchpointCount]touchpoint{
	tpCheckout: {
		name: phrase{"Оформление заказа", "Checkout"}, share: 18, effect: 0.10, peakShare: 1.1,
		neg:       []weighted[tagID]{{tagPrice, 3}, {tagPayment, 2}, {tagAppBug, 2}, {tagQuality, 1}},
		pos:       []weighted[tagID]{{tagPrice, 2}, {tagQuality, 2}},
		complaint: phrase{"Оформить заказ оказалось сложно, слишком много шагов.", "Checking out was a hassle, far too many steps."},
		mild:      phrase{"оформление заказа можно упростить.", "checkout could be simpler."},
		praise:    phrase{"Оформил заказ за пару минут, всё понятно.", "Placed my order in a couple of minutes, very clear."},
	},
	tpDelivery: {
		name: phrase{"Доставка", "Delivery"}, share: 24, effect: -0.18, seasonDip: 0.12, peakShare: 1.7,
		neg:       []weighted[tagID]{{tagDeliveryDelay, 6}, {tagDamaged, 2}, {tagStaff, 1}},
		pos:       []weighted[tagID]{{tagFastDelivery, 4}, {tagStaff, 1}},
		complaint: phrase{"Доставка — самое слабое место, каждый раз проблемы.", "Delivery is the weak spot, there's a problem every time."},
		mild:      phrase{"доставка могла бы быть быстрее.", "delivery could be faster."},
		praise:    phrase{"С доставкой всё прошло гладко.", "Delivery went smoothly."},
	},
	tpSupport: {
		name: phrase{"Служба поддержки", "Support"}, share: 20, effect: -0.02, seasonDip: 0.03, peakShare: 1.0,
		neg:       []weighted[tagID]{{tagWaitTime, 4}, {tagStaff, 3}, {tagQuality, 1}},
		pos:       []weighted[tagID]{{tagStaff, 4}, {tagWaitTime, 1}},
		complaint: phrase{"Поддержка так и не решила мой вопрос.", "Support never resolved my issue."},
		mild:      phrase{"в поддержке отвечают по шаблону.", "the support answers feel scripted."},
		praise:    phrase{"Поддержка быстро во всём разобралась.", "Support sorted everything out quickly."},
	},
	tpReturns: {
		name: phrase{"Возврат", "Returns"}, share: 10, effect: -0.08, peakShare: 1.2,
		neg:       []weighted[tagID]{{tagRefund, 5}, {tagWaitTime, 2}, {tagStaff, 1}},
		pos:       []weighted[tagID]{{tagRefund, 2}, {tagStaff, 1}},
		complaint: phrase{"Процедура возврата запутанная и долгая.", "The returns process is confusing and slow."},
		mild:      phrase{"правила возврата стоит описать понятнее.", "the returns policy could be clearer."},
		praise:    phrase{"Вернуть товар было очень просто.", "Returning the item was really easy."},
	},
	tpBilling: {
		name: phrase{"Оплата", "Billing"}, share: 12, effect: 0.02, peakShare: 1.0,
		neg:       []weighted[tagID]{{tagPayment, 4}, {tagPrice, 3}, {tagRefund, 1}},
		pos:       []weighted[tagID]{{tagPrice, 2}, {tagPayment, 1}},
		complaint: phrase{"С оплатой постоянно какие-то сложности.", "There's always some trouble with payment."},
		mild:      phrase{"хотелось бы больше способов оплаты.", "I'd like more ways to pay."},
		praise:    phrase{"Оплата прошла быстро и без проблем.", "Payment was quick and painless."},
	},
	tpMobileApp: {
		name: phrase{"Мобильное приложение", "Mobile app"}, share: 16, effect: 0.06, peakShare: 1.0,
		neg:       []weighted[tagID]{{tagAppBug, 6}, {tagPayment, 1}},
		pos:       []weighted[tagID]{{tagQuality, 1}},
		complaint: phrase{"Приложением пользоваться неудобно.", "The app is awkward to use."},
		mild:      phrase{"в приложении не хватает истории заказов.", "the app is missing an order history."},
		praise:    phrase{"Удобное приложение, всё под рукой.", "Handy app, everything in one place."},
	},
}

// channelMix is a channel's share of responses, how that share moves
// (trend: multiplier at the end of the period against the start, chat
// grows while phone fades; weekend: multiplier on Saturdays and Sundays),
// its NPS effect, how much more or less each touchpoint comes through it,
// and the mix of office hours against evening hours in its answer times.
type channelMix struct {
	channel  data.Channel
	share    float64
	trend    float64
	weekend  float64
	effect   float64
	affinity [touchpointCount]float64
	office   float64 // share of answers that follow office hours
	store    bool    // answered in the shop: shop opening hours
}

// channelCount sizes per-channel tables; a test checks it covers data.Channels.
const channelCount = 6

var channelMixes = [channelCount]channelMix{
	{channel: data.ChannelEmail, share: 30, trend: 1.0, weekend: 1.0, effect: 0, office: 0.4,
		affinity: [touchpointCount]float64{1, 1.2, 0.8, 1, 1.3, 0.8}},
	{channel: data.ChannelWeb, share: 25, trend: 1.1, weekend: 1.1, effect: -0.02, office: 0.3,
		affinity: [touchpointCount]float64{1.4, 1, 0.6, 1, 1, 1.3}},
	{channel: data.ChannelChat, share: 18, trend: 1.8, weekend: 1.0, effect: 0.03, office: 0.6,
		affinity: [touchpointCount]float64{0.8, 1, 1.6, 1, 0.8, 1.4}},
	{channel: data.ChannelPhone, share: 14, trend: 0.6, weekend: 0.5, effect: -0.04, office: 1,
		affinity: [touchpointCount]float64{0.6, 1.1, 1.8, 1.2, 1, 0.5}},
	{channel: data.ChannelStore, share: 9, trend: 1.0, weekend: 1.8, effect: 0.06, store: true,
		affinity: [touchpointCount]float64{1.3, 0.3, 0.8, 2.2, 1, 0.3}},
	{channel: data.ChannelOther, share: 4, trend: 1.0, weekend: 1.0, effect: -0.03, office: 0.5,
		affinity: [touchpointCount]float64{1, 1, 1, 1, 1, 1}},
}

// Hours of the day (0-23), relative weights.
var (
	officeHours  = [24]float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 2, 6, 9, 10, 9, 8, 9, 9, 8, 7, 5, 3, 2, 1, 0.6, 0.3}
	eveningHours = [24]float64{1, 0.4, 0.3, 0.3, 0.3, 0.4, 1, 2, 3, 4, 5, 5, 6, 6, 5, 5, 5, 5, 6, 8, 9, 8, 5, 2}
	shopHours    = [24]float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 5, 6, 6, 6, 6, 6, 6, 7, 7, 6, 3, 0.5, 0}
	// On weekends people answer later and offices close.
	weekendHours = [24]float64{1.2, 0.6, 0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.5, 3, 5, 6, 7, 7, 6, 6, 6, 6, 7, 8, 8, 7, 5, 2.5}
)

// Score weights inside each NPS group: detractors mostly give 5-6, as in
// real surveys, with a small cluster of angry zeros.
var (
	detractorScores = []weighted[data.Score]{{0, 5}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 10}, {6, 13}}
	passiveScores   = []weighted[data.Score]{{7, 44}, {8, 56}}
	promoterScores  = []weighted[data.Score]{{9, 47}, {10, 53}}
)

// Comment wrappers by NPS group.
var (
	detractorOpeners = []phrase{
		{"Очень разочарован.", "Very disappointed."},
		{"Ужасный сервис.", "Terrible service."},
		{"Больше не закажу.", "Won't order again."},
		{"Неприятный опыт.", "Not a good experience."},
		{"Уже не первый раз.", "Not the first time."},
	}
	detractorClosers = []phrase{
		{"Прошу разобраться.", "Please look into it."},
		{"Жду ответа.", "I expect a reply."},
		{"Надеюсь, исправите.", "Hope you fix this."},
	}
	promoterOpeners = []phrase{
		{"Всё отлично!", "All great!"},
		{"Спасибо!", "Thank you!"},
		{"Очень доволен.", "Very happy."},
		{"Рекомендую.", "Would recommend."},
	}
	promoterClosers = []phrase{
		{"Так держать!", "Keep it up!"},
		{"Буду заказывать ещё.", "Will order again."},
	}
	passiveButs = []phrase{
		{"В целом неплохо, но ", "Mostly fine, but "},
		{"Нормально, но ", "OK overall, but "},
		{"Всё хорошо, только ", "Good, except that "},
	}
	passiveShort = []phrase{
		{"Нормально.", "It was OK."},
		{"Без особых впечатлений.", "Nothing special."},
		{"Как обычно.", "As usual."},
	}
	orderNumber = phrase{"Заказ №", "Order #"}
)

// Client name parts. Companies combine a root and a suffix with a legal
// form; retail clients are people.
var (
	companyRoots = [2][]string{
		{"Север", "Урал", "Волга", "Балтика", "Сибирь", "Альфа", "Вектор", "Гранит", "Меридиан", "Орион", "Полюс", "Спектр", "Кедр", "Восход", "Рубин", "Арсенал"},
		{"North", "Summit", "Blue River", "Pioneer", "Harbor", "Granite", "Maple", "Silverline", "Beacon", "Redwood", "Crestview", "Lakeside", "Ironbridge", "Sunrise", "Oakfield", "Bright"},
	}
	companySuffixes = [2][]string{
		{"Трейд", "Логистик", "Строй", "Пром", "Снаб", "Инвест", "Маркет", "Сервис", "Групп", "Торг"},
		{"Logistics", "Trading", "Foods", "Systems", "Supplies", "Partners", "Retail", "Industries", "Labs", "Works"},
	}
	enterpriseForms = [2][]string{{"АО", "ПАО"}, {"Inc.", "Group"}}
	smbForms        = [2][]string{{"ООО", "ООО ТД"}, {"LLC", "Ltd"}}
	firstNames      = [2][]string{
		{"Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Светлана", "Татьяна", "Юлия", "Дарья", "Сергей", "Андрей", "Алексей", "Дмитрий", "Иван", "Михаил", "Павел", "Николай", "Артём", "Олег"},
		{"Emma", "Olivia", "Sophie", "Grace", "Chloe", "Lucy", "Hannah", "Laura", "Megan", "Kate", "James", "Oliver", "Jack", "Harry", "George", "Thomas", "Daniel", "Samuel", "Peter", "Adam"},
	}
	lastNames = [2][]string{
		{"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев"},
		{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"},
	}
)
