package com.govfeedback.infra;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.constructs.Construct;

/**
 * The staff's identity provider: a Cognito user pool (accounts made by an administrator, never by sign-up) with a
 * hosted login page and one public app client for the console, which signs in with the OIDC authorization-code flow
 * and PKCE, so the browser holds no client secret. Roles are the pool's groups; a staff member's department is the
 * custom attribute {@code dept}.
 */
public class StaffSignIn extends Construct {
    /** The console's roles, as the pool's groups (Role's claim values); the optimisation office works the improvements board. */
    static final List<String> ROLE_GROUPS = List.of("staff", "supervisor", "admin", "optimisation-office");

    private final UserPool pool;
    private final UserPoolDomain domain;

    /** @param requireMfa every account signs in with an authenticator app (TOTP) besides its password */
    public StaffSignIn(Construct scope, String id, boolean requireMfa) {
        super(scope, id);
        UserPool.Builder builder = UserPool.Builder.create(this, "Pool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .customAttributes(Map.of("dept", StringAttribute.Builder.create()
                        .minLen(1).maxLen(32).mutable(true).build()))
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireDigits(true).requireLowercase(true)
                        .requireUppercase(true).requireSymbols(false).tempPasswordValidity(Duration.days(3)).build())
                .mfa(requireMfa ? Mfa.REQUIRED : Mfa.OFF)
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(RemovalPolicy.RETAIN);
        if (requireMfa) {
            builder.mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build());
        }
        pool = builder.build();
        for (String role : ROLE_GROUPS) {
            UserPoolGroup.Builder.create(this, role + "Group").userPool(pool).groupName(role).build();
        }
        // the hosted login's prefix is global across AWS: the account id makes it unique
        domain = pool.addDomain("HostedLogin", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix(Fn.join("-", List.of("govfeedback-staff", Stack.of(this).getAccount())))
                        .build())
                .build());
    }

    /**
     * The console's app client: public (no secret), authorization code only, PKCE on the console's side.
     *
     * @param consoleUrl where the console lives (https://…/console/): the only callback and sign-out address
     * @return the client id, the audience (aud) of the ID tokens the console sends
     */
    public String addConsoleClient(String consoleUrl) {
        UserPoolClient client = pool.addClient("Console", UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().build()) // no password flows: only the hosted login
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.EMAIL))
                        .callbackUrls(List.of(consoleUrl))
                        .logoutUrls(List.of(consoleUrl))
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .idTokenValidity(Duration.hours(1))
                .accessTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.hours(10))
                .build());
        return client.getUserPoolClientId();
    }

    /** The tokens' issuer (iss): https://cognito-idp.{region}.amazonaws.com/{pool id}. */
    public String issuer() {
        return pool.getUserPoolProviderUrl();
    }

    /** The hosted login's origin (https://…auth.{region}.amazoncognito.com), which serves /oauth2/authorize and /oauth2/token. */
    public String hostedLoginOrigin() {
        return domain.baseUrl();
    }
}
