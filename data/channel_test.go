package data

import "testing"

// Channel names help desks export (Zendesk "Via", Salesforce "Case
// Origin", Russian desks' «Канал»): messengers are chats even when their
// name holds «тел» or "app", voice is a phone even as "Voicemail".
func TestParseChannelHelpDeskNames(t *testing.T) {
	for in, want := range map[string]Channel{
		"Телеграм": ChannelChat, "Telegram": ChannelChat, "WhatsApp": ChannelChat, "Messenger": ChannelChat,
		"Facebook Messenger": ChannelChat, "Native Messaging": ChannelChat, "Text": ChannelChat, "SMS": ChannelChat,
		"Instagram Direct": ChannelChat, "Sunshine Conversations": ChannelChat, "Открытая линия": ChannelChat,
		"Voice": ChannelPhone, "Voicemail": ChannelPhone, "Phone call (incoming)": ChannelPhone, "Звонок": ChannelPhone,
		"Телефон":     ChannelPhone,
		"Help Center": ChannelWeb, "Feedback Widget": ChannelWeb, "Form": ChannelWeb, "Web form": ChannelWeb, "Self-service": ChannelWeb,
		"Portal": ChannelWeb, "Customer Portal": ChannelWeb, "Личный кабинет": ChannelWeb,
		"anonymous": ChannelWeb, "social": ChannelWeb, // Qualtrics' distribution channels
		"Walk-in": ChannelStore, "Walk in": ChannelStore, "Store": ChannelStore, "Магазин": ChannelStore,
		// Existing names keep their channel.
		"E-mail": ChannelEmail, "Email": ChannelEmail, "Почта": ChannelEmail, "Chat": ChannelChat, "Чат": ChannelChat,
		"Web": ChannelWeb, "Mobile app": ChannelWeb, "Сайт": ChannelWeb, "Office": ChannelStore, "": "",
		"Internet": ChannelWeb, "ONLINE": ChannelWeb, "Mobile Device": ChannelWeb, "Mobile/Open311": ChannelWeb, // 311 open data
		"Мобильное приложение": ChannelWeb, "Mobile phone": ChannelPhone, "Customer Care Call": ChannelPhone,
		"Information desk": ChannelOther, "Twitter": ChannelOther, "Branch": ChannelOther, "other": ChannelOther,
	} {
		if got := ParseChannel(in); got != want {
			t.Errorf("ParseChannel(%q) = %q, want %q", in, got, want)
		}
	}
}

// Channel names Russian surveys and offices write: a letter or a mailing
// is mail, a call centre or hotline a call, a bot or «ВК» a chat, a visit
// in person a store.
func TestParseChannelRussianNames(t *testing.T) {
	for in, want := range map[string]Channel{
		"Письмо": ChannelEmail, "По письму": ChannelEmail, "Рассылка": ChannelEmail, "Email-рассылка": ChannelEmail, "Outlook": ChannelEmail,
		"Колл-центр": ChannelPhone, "Контакт-центр": ChannelPhone, "Горячая линия": ChannelPhone, "IVR": ChannelPhone, "Hotline": ChannelPhone,
		"ВК": ChannelChat, "Бот": ChannelChat, "Чат-бот": ChannelChat, "Telegram-бот": ChannelChat, "JivoSite": ChannelChat,
		"Веб": ChannelWeb, "Веб-форма": ChannelWeb, "Соцсети": ChannelWeb,
		"Лично": ChannelStore, "Личный визит": ChannelStore, "Салон связи": ChannelStore, "Точка продаж": ChannelStore, "In person": ChannelStore,
		// The ones already known keep their channel.
		"Звонок": ChannelPhone, "Онлайн-чат": ChannelChat, "Мессенджер": ChannelChat, "ВКонтакте": ChannelChat, "Приложение": ChannelWeb,
		"СМС-рассылка": ChannelChat, "Личный кабинет": ChannelWeb, "Офис": ChannelStore,
		"Отделение": ChannelOther, "Курьер": ChannelOther, "Опрос": ChannelOther,
	} {
		if got := ParseChannel(in); got != want {
			t.Errorf("ParseChannel(%q) = %q, want %q", in, got, want)
		}
	}
}
