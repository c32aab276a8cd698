package org.iprradar.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.ingest.validate.SellerRecordValidator;
import org.iprradar.web.security.Roles;

/**
 * {@code PUT /api/v1/seller-records/{platform}/{sellerId}}: what is known about a seller
 * (penalties, blacklist, identity hashes); replaces the seller's previous record.
 */
@Secured({Roles.PARTNER})
@Controller("/api/v1/seller-records")
public final class SellerRecordController {

  private final IngestEndpoint endpoint;
  private final Feeds feeds;

  SellerRecordController(IngestEndpoint endpoint, Feeds feeds) {
    this.endpoint = endpoint;
    this.feeds = feeds;
  }

  @Put(
      value = "/{platform}/{sellerId}",
      consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> put(
      @PathVariable String platform,
      @PathVariable String sellerId,
      @Body byte[] body,
      @Header(value = "Content-Type", defaultValue = "") String contentType,
      @Header(value = "Content-Encoding", defaultValue = "") String contentEncoding) {
    return endpoint.handle(
        feeds.sellerRecords(),
        body,
        contentType,
        contentEncoding,
        Map.of(SellerRecordValidator.PLATFORM, platform, SellerRecordValidator.SELLER_ID, sellerId),
        true);
  }
}
