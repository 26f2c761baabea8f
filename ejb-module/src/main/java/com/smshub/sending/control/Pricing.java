package com.smshub.sending.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.message.entity.RecipientOutcome;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PriceQuote;
import com.smshub.provider.spi.ProviderUnavailableException;
import com.smshub.provider.spi.Providers;
import com.smshub.sending.entity.PriceUnavailableException;
import com.smshub.session.control.AccountLocks;

/**
 * CalculatePrice's prices: asked of the provider where it prices (MOBIPACE's Calculate, MyMobileAPI with a
 * credit price), one question per account for all the recipients routed to it; the route's price per segment
 * elsewhere. A recipient the provider would not send is left without a price.
 */
@ApplicationScoped
public class Pricing {

    @Inject
    Providers providers;

    @Inject
    AccountLocks locks;

    /** The verdicts as price quotes: nothing stored, so no message ids and no statuses. */
    public List<RecipientOutcome> quote(List<Acceptance.Verdict> verdicts) {
        List<RecipientOutcome> quotes = new ArrayList<>(verdicts.size());
        Map<Long, List<Integer>> byPricingAccount = new LinkedHashMap<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Acceptance.Verdict verdict = verdicts.get(i);
            quotes.add(verdict.message().outcome().priced());
            if (verdict.route() != null && providers.capability(verdict.route().account().provider(), PriceQuote.class)
                    .filter(quote -> quote.quotes(verdict.route().account())).isPresent()) {
                byPricingAccount.computeIfAbsent(verdict.route().account().id(), a -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> positions : byPricingAccount.values()) {
            Account account = verdicts.get(positions.get(0)).route().account();
            List<OutboundMessage> messages = positions.stream().map(verdicts::get)
                    .map(v -> new OutboundMessage(v.message().id(), new Msisdn(v.message().addressee().recipient()),
                            v.message().content()))
                    .toList();
            List<Money> prices = ask(account, messages);
            for (int k = 0; k < positions.size(); k++) {
                int position = positions.get(k);
                quotes.set(position, quotes.get(position).withPrice(prices.get(k)));
            }
        }
        return quotes;
    }

    private List<Money> ask(Account account, List<OutboundMessage> messages) {
        Optional<PriceQuote> quote = providers.capability(account.provider(), PriceQuote.class);
        if (providers.capabilities(account).has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)) {
            locks.lock(account.id());
        }
        try {
            List<Money> prices = quote.orElseThrow().price(messages, account);
            if (prices.size() != messages.size()) {
                throw new IllegalStateException(account.provider() + " priced " + prices.size() + " of " + messages.size() + " messages");
            }
            return prices;
        } catch (ProviderUnavailableException e) {
            throw new PriceUnavailableException(account.provider() + " account " + account.name()
                    + " did not price the messages: " + e.getMessage() + ". Ask again later.");
        }
    }
}
