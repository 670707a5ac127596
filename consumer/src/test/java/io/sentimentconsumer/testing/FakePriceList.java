package io.sentimentconsumer.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * The AWS Price List Query API's {@code GetProducts} on a local WireMock server, in its wire protocol (JSON 1.1:
 * a POST with {@code X-Amz-Target: AWSPriceListService.GetProducts}, pages chained by {@code NextToken}), serving
 * price list documents of the shape AWS documents, so that the real SDK client reads them.
 */
public final class FakePriceList implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "AWSPriceListService.GetProducts";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    public FakePriceList() {
        server.start();
    }

    /**
     * A product as the Price List writes it: attributes, and one on-demand price dimension.
     *
     * @param usd the price per unit, as the string the Price List writes
     */
    public static String product(Map<String, String> attributes, String unit, String usd) {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode product = document.putObject("product");
        product.put("productFamily", "Amazon Bedrock");
        product.put("sku", "SKU" + Integer.toHexString((attributes.toString() + unit + usd).hashCode()));
        ObjectNode attrs = product.putObject("attributes");
        attrs.put("servicecode", "AmazonBedrock");
        attributes.forEach(attrs::put);
        document.put("serviceCode", "AmazonBedrock");
        ObjectNode term = document.putObject("terms").putObject("OnDemand").putObject("SKU.JRTCKXETXF");
        term.put("effectiveDate", "2026-09-01T00:00:00Z");
        ObjectNode dimension = term.putObject("priceDimensions").putObject("SKU.JRTCKXETXF.6YS6EN2CT7");
        dimension.put("unit", unit);
        dimension.put("description", usd + " per " + unit + " for " + attributes.get("usagetype"));
        dimension.put("beginRange", "0");
        dimension.put("endRange", "Inf");
        dimension.putObject("pricePerUnit").put("USD", usd);
        return document.toString();
    }

    /** A per-1K-token on-demand product of a Bedrock model in a Region. */
    public static String tokens(String region, String model, String usagetype, String usdPer1k) {
        return product(Map.of("regionCode", region, "location", region, "model", model, "usagetype", usagetype,
                "feature", "On-demand Inference", "inferenceType", "Input tokens"), "1K tokens", usdPer1k);
    }

    /** Serves {@code pages} of documents for {@code region}, each page but the last pointing to the next. */
    public FakePriceList region(String region, List<List<String>> pages) {
        for (int page = 0; page < pages.size(); page++) {
            ObjectNode body = JSON.createObjectNode();
            body.put("FormatVersion", "aws_v1");
            ArrayNode priceList = body.putArray("PriceList");
            pages.get(page).forEach(priceList::add);
            if (page + 1 < pages.size()) {
                body.put("NextToken", token(region, page + 1));
            }
            MappingBuilder request = post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(TARGET))
                    .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonBedrock")))
                    .withRequestBody(matchingJsonPath("$.Filters[0].Field", equalTo("regionCode")))
                    .withRequestBody(matchingJsonPath("$.Filters[0].Type", equalTo("TERM_MATCH")))
                    .withRequestBody(matchingJsonPath("$.Filters[0].Value", equalTo(region)))
                    .withRequestBody(page == 0 ? matchingJsonPath("$.NextToken", absent())
                            : matchingJsonPath("$.NextToken", equalTo(token(region, page))));
            server.stubFor(request.willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(body.toString())));
        }
        return this;
    }

    private static String token(String region, int page) {
        return region + "/page-" + page;
    }

    /** The GetProducts requests received, in order. */
    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/")));
    }

    /** The real SDK client, pointed at this server with a fake identity. */
    public PricingClient client() {
        return PricingClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(server.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
