package vn.motcua.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** The channels of this node, by kind. */
@Component
class Channels {

	private final Map<ChannelKind, Channel> byKind = new EnumMap<>(ChannelKind.class);

	Channels(EmailChannel email, NotificationProperties properties, ObjectMapper json) {
		this.byKind.put(ChannelKind.EMAIL, email);
		this.byKind.put(ChannelKind.SMS, new HttpGatewayChannel(ChannelKind.SMS, properties.sms(), json));
		this.byKind.put(ChannelKind.ZALO, new HttpGatewayChannel(ChannelKind.ZALO, properties.zalo(), json));
	}

	Channel get(ChannelKind kind) {
		return this.byKind.get(kind);
	}

	List<ChannelKind> enabled() {
		return this.byKind.values().stream().filter(Channel::enabled).map(Channel::kind).toList();
	}

}
