package io.sentimentconsumer.pricelist;

import io.sentimentconsumer.account.PriceTableJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * Writes a price table file from the AWS Price List Query API: {@code pricing:GetProducts} on service code
 * {@code AmazonBedrock}, one query per Region (filtered on {@code regionCode}), every page. Products it cannot map
 * are skipped and counted; nothing is guessed. Every price written cites the API and the day it was queried.
 */
public final class PriceListRefresh {

    public static final String SERVICE_CODE = "AmazonBedrock";

    private final PricingClient pricing;
    private final Clock clock;

    /** What a refresh read, wrote and left out, by reason. */
    public record Report(int products, int pricesWritten, SortedMap<String, Integer> productsSkipped,
                         SortedMap<String, Integer> pricesNotWritten) {}

    public PriceListRefresh(PricingClient pricing, Clock clock) {
        this.pricing = pricing;
        this.clock = clock;
    }

    /** The Price List's client: the Query API answers in us-east-1 (and ap-south-1), whatever Region it prices. */
    public static PricingClient client() {
        return PricingClient.builder()
                .region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * @param regions  the Regions to price calls sent from
     * @param modelIds the model ids to write prices for, base models or inference profiles; empty for the in-Region
     *                 and global prices of every model the mapping knows
     */
    public Report refresh(List<String> regions, List<String> modelIds, Path out) throws IOException {
        PriceListTable table = new PriceListTable();
        Tally skipped = new Tally();
        int products = 0;
        for (String region : regions) {
            for (String document : pricing.getProductsPaginator(request(region)).priceList()) {
                products++;
                Reading<PriceListRow> row = read(document);
                if (row instanceof Reading.Read<PriceListRow> read) {
                    table.add(read.value());
                } else {
                    skipped.add(((Reading.Skipped<PriceListRow>) row).reason());
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        String source = "AWS Price List API (pricing:GetProducts, service code " + SERVICE_CODE + "), queried "
                + today;
        PriceListTable.Built built = modelIds.isEmpty() ? table.all(source, today) : table.of(modelIds, source, today);
        if (built.prices().isEmpty()) {
            throw new IllegalArgumentException("the Price List gave no price for " + String.join(", ", regions)
                    + (modelIds.isEmpty() ? "" : " and " + String.join(", ", modelIds)) + " (" + products
                    + " products read, " + skipped.total() + " skipped): nothing written to " + out
                    + "; check the Region codes and model ids");
        }
        Files.writeString(out, PriceTableJson.write(built.prices()));
        return new Report(products, built.prices().size(), skipped.byReason(), built.notWritten().byReason());
    }

    private static Reading<PriceListRow> read(String document) {
        Reading<PriceListProduct> product = PriceListProduct.parse(document);
        if (product instanceof Reading.Skipped<PriceListProduct> skipped) {
            return Reading.skipped(skipped.reason());
        }
        return PriceListRow.read(((Reading.Read<PriceListProduct>) product).value());
    }

    private static GetProductsRequest request(String region) {
        return GetProductsRequest.builder()
                .serviceCode(SERVICE_CODE)
                .formatVersion("aws_v1")
                .filters(Filter.builder().type(FilterType.TERM_MATCH).field("regionCode").value(region).build())
                .maxResults(100)
                .build();
    }
}
