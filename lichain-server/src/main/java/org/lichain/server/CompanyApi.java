package org.lichain.server;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.lichain.company.Companies;
import org.lichain.company.Company;
import org.lichain.company.CompanyModel;
import org.lichain.company.CompanyPnl;
import org.lichain.company.GivenPricePath;
import org.lichain.company.PricePath;
import org.lichain.company.TransferPricing;
import org.lichain.cost.CostCurves;
import org.lichain.report.company.CompanyJson;
import org.lichain.world.World;

/**
 * {@code GET /api/companies} and {@code GET /api/company/{id}?year=&price_usd=&price_cny_incl_vat=&transfer=}:
 * the body of {@code lichain company ID --year Y --json} (issue #6, built by {@link CompanyJson}). Prices as in
 * the CLI: the dataset's reference prices of the year, or a flat carbonate price.
 */
final class CompanyApi {
    private final World world;

    CompanyApi(World world) {
        this.world = world;
    }

    private Companies companies() {
        return world.extension(Companies.class).orElseThrow(() -> ApiProblem.notAvailable("company",
                "the dataset has no company data"));
    }

    void list(Context ctx) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("companies");
        for (Company c : companies().companies()) {
            arr.addObject().put("id", c.id()).put("name", c.name()).put("country", c.country()).put("kind", c.kind());
        }
        ctx.contentType("application/json").result(Json.bytes(root));
    }

    void pnl(Context ctx) {
        Companies c = companies();
        String id = ctx.pathParam("id");
        if (c.find(id).isEmpty()) {
            throw ApiProblem.notFound(org.lichain.dataset.KnownIds.message(id, c.companies().stream()
                    .map(x -> x.id()).toList(), null, "company id", "list them at /api/companies"));
        }
        int year = Params.intOr(ctx, "year", CurveApi.MIN_YEAR, CurveApi.MAX_YEAR, AssetsApi.DEFAULT_YEAR);
        Double usd = Params.optionalNonNegative(ctx, "price_usd", 1_000_000);
        Double cny = Params.optionalNonNegative(ctx, "price_cny_incl_vat", 10_000_000);
        if (usd != null && cny != null) {
            throw ApiProblem.invalid("price_cny_incl_vat", "give either price_usd or price_cny_incl_vat, not both");
        }
        String transferText = Params.text(ctx, "transfer");
        TransferPricing tp;
        try {
            tp = TransferPricing.parse(transferText == null ? "market" : transferText);
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("transfer", e.getMessage());
        }
        PricePath path;
        try {
            path = usd != null ? GivenPricePath.flat(world, c, year, usd)
                    : cny != null ? GivenPricePath.flat(world, c, year, CostCurves.usdFromCnyInclVat(world, year, cny))
                    : GivenPricePath.reference(world, c, year);
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("year", e.getMessage());
        }
        CompanyPnl p = CompanyModel.pnl(world, c, id, year, path, tp);
        ctx.contentType("application/json").result(Json.bytes(CompanyJson.of(p, c.offtakesOf(p.companyId()))));
    }
}
