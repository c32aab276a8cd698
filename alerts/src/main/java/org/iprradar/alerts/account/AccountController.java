package org.iprradar.alerts.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.iprradar.alerts.http.ApiError;
import org.iprradar.alerts.http.FieldError;
import org.iprradar.common.model.Account;
import org.iprradar.common.model.InvalidFieldException;
import org.iprradar.web.security.Roles;

/**
 * {@code /api/v1/admin/accounts}: administrators list, create and change people's accounts. Answers
 * never carry password hashes. Accounts are disabled, never deleted, so that histories keep naming
 * people who existed.
 */
@Secured(Roles.ADMIN)
@Controller("/api/v1/admin/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AccountController {

  private final Accounts accounts;

  AccountController(Accounts accounts) {
    this.accounts = accounts;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public List<Account> list() {
    return accounts.list();
  }

  @Get(value = "/{name}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> get(@PathVariable String name) {
    return accounts
        .find(name)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseThrow(() -> new UnknownAccountException(name));
  }

  /** Creates an account: name, displayName, roles, bureau and district (analysts), password. */
  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Account> create(@Body AccountRequest request, Authentication caller) {
    return HttpResponse.created(accounts.create(request, caller.getName()));
  }

  /** Changes display name, roles, bureau and district; the password and disabled flag stay. */
  @Put(value = "/{name}", consumes = MediaType.APPLICATION_JSON)
  public Account update(
      @PathVariable String name, @Body AccountRequest request, Authentication caller) {
    return accounts.update(name, request, caller.getName());
  }

  /** Stops the account from signing in, and refuses the tokens it already holds. */
  @Post(value = "/{name}/disable", produces = MediaType.APPLICATION_JSON)
  public Account disable(@PathVariable String name, Authentication caller) {
    if (name.equals(caller.getName())) {
      throw new InvalidFieldException("name", "you cannot disable your own account");
    }
    return accounts.setDisabled(name, true, caller.getName());
  }

  @Post(value = "/{name}/enable", produces = MediaType.APPLICATION_JSON)
  public Account enable(@PathVariable String name, Authentication caller) {
    return accounts.setDisabled(name, false, caller.getName());
  }

  /** Sets a new password: body {@code {"password": "..."}}. */
  @Post(value = "/{name}/password", consumes = MediaType.APPLICATION_JSON)
  public Account resetPassword(
      @PathVariable String name, @Body @Nullable AccountRequest request, Authentication caller) {
    return accounts.resetPassword(
        name, request == null ? null : request.password(), caller.getName());
  }

  @Error(exception = InvalidFieldException.class)
  HttpResponse<FieldError> invalid(InvalidFieldException e) {
    return HttpResponse.badRequest(new FieldError("invalid_field", e.field(), e.getMessage()));
  }

  @Error(exception = UnknownAccountException.class)
  HttpResponse<ApiError> unknown(UnknownAccountException e) {
    return HttpResponse.notFound(new ApiError("not_found", e.getMessage()));
  }

  @Error(exception = AccountExistsException.class)
  HttpResponse<ApiError> exists(AccountExistsException e) {
    return HttpResponse.<ApiError>status(HttpStatus.CONFLICT)
        .body(new ApiError("account_exists", e.getMessage()));
  }
}
