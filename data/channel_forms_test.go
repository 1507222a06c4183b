package data

import "testing"

// Channels that fell to "other": a push or a QR code opens a survey page
// (web), a social network's name is its messages (chat), a video call is
// a call (phone), a kiosk or terminal stands in a shop (store).
func TestParseChannelMoreNames(t *testing.T) {
	for in, want := range map[string]Channel{
		"Push": ChannelWeb, "Push notification": ChannelWeb, "Push-уведомление": ChannelWeb, "Пуш": ChannelWeb,
		"QR-код": ChannelWeb, "QR code": ChannelWeb, "QR": ChannelWeb,
		"Facebook": ChannelChat, "Фейсбук": ChannelChat, "Инстаграм": ChannelChat, "Одноклассники": ChannelChat,
		"Skype": ChannelPhone, "Скайп": ChannelPhone, "Zoom": ChannelPhone, "Зум": ChannelPhone, "Teams": ChannelPhone,
		"Microsoft Teams": ChannelPhone, "Google Meet": ChannelPhone, "Webex": ChannelPhone, "Видеосвязь": ChannelPhone,
		"Skype chat": ChannelChat, "Teams chat": ChannelChat,
		"Киоск": ChannelStore, "Терминал": ChannelStore, "Терминал самообслуживания": ChannelStore,
		// Checked: already read so, kept.
		"Мобильное приложение": ChannelWeb, "Виджет": ChannelWeb, "Форма обратной связи": ChannelWeb, "Instagram": ChannelChat,
		"VK": ChannelChat, "Facebook Messenger": ChannelChat, "Video call": ChannelPhone, "Видеозвонок": ChannelPhone,
		"Webinar": ChannelWeb, "Twitter": ChannelOther, "Pushkin street": ChannelOther,
	} {
		if got := ParseChannel(in); got != want {
			t.Errorf("ParseChannel(%q) = %q, want %q", in, got, want)
		}
	}
}
