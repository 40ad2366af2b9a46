package nl.knooppunt.delivery.push;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The participants' queues ({@code gemeente.#}, {@code aanbieder.#}) get the delivery schedule of
 * {@link AfleveringProperties}: a rolled-back bericht is scheduled for redelivery by the broker (the consumer goes on
 * with the next one), with exponential backoff up to {@code maxWachttijd}. The push loop moves a bericht to the DLQ
 * itself, with the reason; the broker's limit is one attempt later, as a safety net (then without reason, with
 * {@code _AMQ_ORIG_QUEUE}). The DLQ itself never dead-letters. With an external broker, set the same in broker.xml
 * (docs/channels.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class PushBrokerSettings {

    static final String EXPIRY = "knooppunt.expired";

    @Bean
    ArtemisConfigurationCustomizer knooppuntPushSchedule(AfleveringProperties aflevering) {
        return cfg -> {
            for (String match : new String[] {"gemeente.#", "aanbieder.#"}) {
                cfg.addAddressSetting(match, deelnemer(aflevering));
            }
            // a bericht in the DLQ or expiry queue stays there until a beheerder acts, however often it is read
            for (String match : new String[] {PushAflevering.DLQ, EXPIRY}) {
                cfg.addAddressSetting(match, new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(PushAflevering.DLQ))
                        .setExpiryAddress(SimpleString.of(EXPIRY))
                        .setMaxDeliveryAttempts(-1)
                        .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
            }
        };
    }

    static AddressSettings deelnemer(AfleveringProperties aflevering) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(PushAflevering.DLQ))
                .setExpiryAddress(SimpleString.of(EXPIRY))
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setRedeliveryDelay(aflevering.eersteWachttijd().toMillis())
                .setRedeliveryMultiplier(aflevering.vermenigvuldiger())
                .setMaxRedeliveryDelay(aflevering.maxWachttijd().toMillis())
                .setMaxDeliveryAttempts(aflevering.maxPogingen() + 1);
    }
}
