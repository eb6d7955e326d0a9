using System.Globalization;
using System.Threading.RateLimiting;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Data.Drafts;
using Hub.Core.Tenancy;
using Hub.Data.Accounts;
using Hub.Data.DataProtection;
using Hub.Data.Tenancy;
using Hub.Web.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Web.Common;

public static class HubSetup
{
    public static readonly CultureInfo[] Cultures = [new("de-DE"), new("en")];

    public static void AddHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var maxBody = config.GetValue("Hub:MaxRequestBodyBytes", RequestLimits.DefaultMaxBodyBytes);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = maxBody;
        });

        services.AddSingleton<DatabaseBootstrap>();
        services.AddSingleton<NpgsqlDataSource>(sp => sp.GetRequiredService<DatabaseBootstrap>().DataSource);
        services.AddSingleton(sp => new Hub.Data.Common.HubDb(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IClock, SystemClock>();
        services.AddSingleton<Hub.Core.Accounts.IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton(new SignInPolicy(
            config.GetValue("Hub:SignIn:MaxFailedAttempts", SignInPolicy.Default.MaxFailedAttempts),
            TimeSpan.FromMinutes(config.GetValue("Hub:SignIn:LockoutMinutes", SignInPolicy.Default.LockoutDuration.TotalMinutes)),
            config.GetValue("Hub:SignIn:MaxFailuresPerAccount", SignInPolicy.Default.MaxFailuresPerAccount),
            config.GetValue("Hub:SignIn:MaxFailuresPerSource", SignInPolicy.Default.MaxFailuresPerSource)));
        services.AddSingleton(new SessionPolicy(
            TimeSpan.FromMinutes(config.GetValue("Hub:Cookies:IdleMinutes", 30)),
            TimeSpan.FromHours(config.GetValue("Hub:Sessions:AbsoluteHours", 8.0))));
        AddStores(services);
        AddUseCases(services);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<ApiProblems>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<IMarkdown>(sp => sp.GetRequiredService<MarkdownRenderer>());

        // German text stays readable in the HTML (ä, ö, ü, ß are not turned into entities).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, config.GetSection("Hub:ForwardedHeaders")));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, SharedLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // German unless the user switched: the switch sets the cookie; ?culture= helps scripts and links.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<IdempotencyFilter>();
            })
            .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new ControlCharacters.JsonConverter()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = ApiValidation.Respond);
        services.AddProblemDetails();
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            // Absolute URLs come from the configured origin, never from the request's Host header.
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = PublicOrigin.Of(config) }];
                return Task.CompletedTask;
            });
        });
        services.AddHubMapping(config);

        AddSecurity(services, config);
    }

    /// <summary>
    /// AutoMapper with the profiles of this assembly. AutoMapper 15 is dual-licensed and logs a licence notice without a
    /// key (docs/adr/0002-automapper-licence.md): an operator with a licence sets Hub:AutoMapper:LicenseKey
    /// (environment: Hub__AutoMapper__LicenseKey); empty or missing leaves AutoMapper without one.
    /// </summary>
    public static IServiceCollection AddHubMapping(this IServiceCollection services, IConfiguration config)
    {
        var licenseKey = config["Hub:AutoMapper:LicenseKey"]?.Trim();
        return services.AddAutoMapper(
            cfg =>
            {
                if (!string.IsNullOrEmpty(licenseKey))
                    cfg.LicenseKey = licenseKey;
            },
            typeof(Program).Assembly);
    }

    private static void AddStores(IServiceCollection services)
    {
        services.AddSingleton<IOrganizationStore, OrganizationStore>();
        services.AddSingleton<ICooperationStore, CooperationStore>();
        services.AddSingleton<IMemberStore, MemberStore>();
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<ISignInThrottle, SignInThrottleStore>();
        services.AddSingleton<ITokenStore, TokenStore>();
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<IDraftStore, DraftStore>();
        services.AddSingleton<ICommentStore, CommentStore>();
        services.AddSingleton<Hub.Data.Progress.ProgressStore>();
        services.AddSingleton<Hub.Core.Progress.IProgressStore, Hub.Web.Progress.CachedProgressStore>();
        services.AddSingleton<Hub.Data.Releases.PublicCatalogueStore>();
        services.AddSingleton<Hub.Core.Releases.IPublicCatalogue, Hub.Web.Catalog.CachedPublicCatalogue>();
        services.AddSingleton<ShortCache>();
        services.AddSingleton<Hub.Web.Drafts.DraftPageReads>();
        services.AddSingleton<Hub.Web.Catalog.PublicFilterOptions>();
        services.AddSingleton<Hub.Core.Progress.IImplementationStore, Hub.Data.Progress.ImplementationStore>();
        services.AddSingleton<Hub.Core.Adoptions.IAdoptionStore, Hub.Data.Adoptions.AdoptionStore>();
        services.AddSingleton<Hub.Core.Inbox.IInboxStore, Hub.Data.Inbox.InboxStore>();
        services.AddSingleton<Hub.Core.Releases.IReleaseStore, Hub.Data.Releases.ReleaseStore>();
        services.AddSingleton<Hub.Core.Audit.IAuditStore, Hub.Data.Common.AuditStore>();
        services.AddSingleton<Hub.Data.Catalog.CatalogStore>();
        services.AddSingleton<Hub.Core.Catalog.ICatalogStore, Hub.Web.Catalog.CachedCatalogStore>();
        services.AddSingleton<IIdempotencyStore, Hub.Data.Common.IdempotencyStore>();
    }

    private static void AddUseCases(IServiceCollection services)
    {
        services.AddScoped<SignIn>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<DisableAccount>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<CreateCooperation>();
        services.AddScoped<ManageMembers>();
        services.AddScoped<AssignCoordinator>();
        services.AddScoped<ChangeReviewPolicy>();
        services.AddScoped<CreateDraft>();
        services.AddScoped<ReadDraft>();
        services.AddScoped<ChangeDraft>();
        services.AddScoped<DraftComments>();
        services.AddScoped<Hub.Core.Progress.ReadProgress>();
        services.AddScoped<Hub.Core.Progress.ManageImplementation>();
        services.AddScoped<Hub.Core.Adoptions.ManageAdoptions>();
        services.AddScoped<Hub.Core.Releases.ChangeRelease>();
        services.AddScoped<Hub.Core.Audit.ReadAudit>();
    }

    /// <summary>
    /// X-Forwarded-For and -Proto are believed only from the reverse proxies an operator lists
    /// (Hub:ForwardedHeaders:KnownProxies, addresses; KnownNetworks, CIDR). ASP.NET Core's default trusts every loopback
    /// client, so anyone on the machine could pick the address the sign-in limits count (attack finding 3) or switch on
    /// HSTS; with nothing listed, the connection's own address counts.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfigurationSection section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration config)
    {
        var allowHttp = config.GetValue("Hub:Cookies:AllowHttp", false);
        var securePolicy = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "ikzhub.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = securePolicy;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Hub:Cookies:IdleMinutes", 30));
                o.SlidingExpiration = true;
                o.LoginPath = "/anmelden";
                o.LogoutPath = "/abmelden";
                o.AccessDeniedPath = "/fehler/403";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnValidatePrincipal = CookieEvents.ValidateAsync;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerAuthenticationHandler>(
                BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ikzhub.af";
            // Not a credential: it only pairs with the form token. Requiring HTTPS here would turn a
            // misconfigured proxy into 500s on every form instead of a clear sign-in problem.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddDataProtection().SetApplicationName("ikzhub");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((o, sp) => o.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>()));
    }

    public static void UseHub(this WebApplication app)
    {
        app.UseForwardedHeaders(); // scheme and client address from X-Forwarded-*, only from the proxies configured (ConfigureForwardedHeaders)
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/fehler/500");
        app.UseStatusCodePagesWithReExecute("/fehler/{0}");
        app.UseMiddleware<RequestLimits>();
        app.UseMiddleware<InputGuard>();
        app.UseStaticFiles();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseMiddleware<DatabaseOutageMiddleware>();
        app.UseRouting();
        // The reads of a request share one transaction (one set_config, one end) instead of one each; a session check
        // begins it (HubDb.ReadForAsync), so the check and the user for row-level security cost no round trip of their own.
        app.Use(async (context, next) =>
        {
            await using (Hub.Data.Common.HubDb.ShareReads())
                await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // From here on every transaction runs as the signed-in user for PostgreSQL's row-level security.
        app.Use(async (context, next) =>
        {
            using (Hub.Data.Common.ActingUser.Use(Hub.Web.Accounts.CurrentActor.UserId(context.User)))
                await next(context);
        });
        app.MapControllers();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/healthz", Health.CheckAsync);
    }
}
