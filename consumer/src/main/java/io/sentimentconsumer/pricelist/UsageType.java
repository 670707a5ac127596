package io.sentimentconsumer.pricelist;

import io.sentimentconsumer.account.CacheTtl;
import io.sentimentconsumer.account.ServiceTier;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Bedrock product's {@code usagetype} says. AWS documents the shape for bedrock-runtime as
 * {@code {region}-{model}-{token-type}}, {@code -{tier}} after it for priority and flex, and
 * {@code -cross-region-global} for global cross-Region inference (Amazon Bedrock User Guide, "Understanding your
 * Amazon Bedrock Cost and Usage Report data"), e.g. {@code USE1-Nova2.0Lite-input-tokens-flex}. The token types are
 * {@code input-tokens}, {@code output-tokens}, {@code cache-read-input-token-count} and
 * {@code cache-write-input-token-count}. Beyond that page: {@code -cross-region-geo} marks a geographic profile's
 * rate, and a {@code 1h} segment a one-hour cache write; both are read as such but are not in AWS's table. Any
 * other suffix (batch, custom models, long context, bedrock-mantle, reserved capacity) is not a per-call Converse
 * rate and is skipped.
 */
record UsageType(Rate rate, ServiceTier tier, Route route, CacheTtl ttl) {

    enum Rate { INPUT, OUTPUT, CACHE_READ, CACHE_WRITE }

    /** The Price List names no geography: a geographic row's geography is the Region's, which the caller knows. */
    enum Route { IN_REGION, GEOGRAPHIC, GLOBAL }

    private static final List<Map.Entry<String, Rate>> TOKEN_TYPES = List.of(
            Map.entry("-cache-read-input-token-count", Rate.CACHE_READ),
            Map.entry("-cache-write-input-token-count", Rate.CACHE_WRITE),
            Map.entry("-input-tokens", Rate.INPUT),
            Map.entry("-output-tokens", Rate.OUTPUT));

    private static final Pattern SUFFIX =
            Pattern.compile("(?<tier>-flex|-priority)?(?<route>-cross-region-global|-cross-region-geo)?");
    private static final Pattern ONE_HOUR = Pattern.compile("-1-?h(?:our)?(?=-|$)");

    static Reading<UsageType> read(String usagetype) {
        for (Map.Entry<String, Rate> tokenType : TOKEN_TYPES) {
            int at = usagetype.indexOf(tokenType.getKey());
            if (at < 0) {
                continue;
            }
            String suffix = usagetype.substring(at + tokenType.getKey().length());
            CacheTtl ttl = null;
            Matcher hour = ONE_HOUR.matcher(suffix);
            if (tokenType.getValue() == Rate.CACHE_WRITE && hour.find()) {
                ttl = CacheTtl.ONE_HOUR;
                suffix = hour.replaceFirst("");
            }
            Matcher known = SUFFIX.matcher(suffix);
            if (!known.matches()) {
                return Reading.skipped("usage type suffix " + suffix + " (not an on-demand Converse rate)");
            }
            return new Reading.Read<>(new UsageType(tokenType.getValue(), tier(known.group("tier")),
                    route(known.group("route")), ttl));
        }
        return Reading.skipped("usage type without a token type (not priced per token)");
    }

    private static ServiceTier tier(String suffix) {
        return suffix == null ? ServiceTier.DEFAULT : ServiceTier.of(suffix.substring(1));
    }

    private static Route route(String suffix) {
        if (suffix == null) {
            return Route.IN_REGION;
        }
        return suffix.endsWith("global") ? Route.GLOBAL : Route.GEOGRAPHIC;
    }
}
