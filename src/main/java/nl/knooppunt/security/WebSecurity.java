package nl.knooppunt.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what (docs/dashboard.md, "Rollen en adressen"). Pages and the JSON API share one filter chain: the API
 * takes HTTP Basic (machine clients, exempt from CSRF) or the login session (with CSRF, like every form).
 * SOAP under {@code /ws/**} has its own certificate gate and is open here.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
public class WebSecurity {

    private static final String LEZER = Rol.LEZER.name();
    private static final String OPERATOR = Rol.OPERATOR.name();
    private static final String BEHEERDER = Rol.BEHEERDER.name();
    private static final String CONTRACTMANAGER = Rol.CONTRACTMANAGER.name();

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Rol.HIERARCHIE);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain knooppuntSecurity(HttpSecurity http, RoleHierarchy hierarchy) throws Exception {
        PathPatternRequestMatcher.Builder pad = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = pad.matcher("/api/**");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/ws/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // reports: contractmanagers and beheerders only
                        .requestMatchers("/api/rapporten/**", "/contractmanagement", "/contractmanagement/**")
                        .hasAnyRole(CONTRACTMANAGER, BEHEERDER)
                        // users and the access log: beheerders only, also for reading
                        .requestMatchers("/api/gebruikers", "/api/gebruikers/**", "/gebruikers", "/gebruikers/**",
                                "/api/inzage", "/api/inzage/**").hasRole(BEHEERDER)
                        // hub-wide beheer (dead letters of every gemeente, parked berichten, the operator log, pausing
                        // a participant, reloading the registry): only for users without a gemeente scope
                        .requestMatchers(GET, "/dead-letters", "/dead-letters/**", "/api/dead-letters", "/api/dead-letters/**",
                                "/api/onbestelbaar", "/api/onbestelbaar/**", "/api/beheer/operatorlog")
                        .access(zonderScope(LEZER, hierarchy))
                        .requestMatchers("/dead-letters", "/dead-letters/**", "/api/dead-letters/**", "/api/onbestelbaar/**",
                                "/api/routering/*/pauze", "/api/routering/*/hervat", "/routering/bevestig",
                                "/routering/uitvoeren").access(zonderScope(OPERATOR, hierarchy))
                        .requestMatchers(pad.matcher(POST, "/beheer/**"), pad.matcher(POST, "/api/registry/**"))
                        .access(zonderScope(BEHEERDER, hierarchy))
                        .requestMatchers(GET, "/api/registry/**").hasRole(LEZER)
                        .requestMatchers(HEAD, "/api/registry/**").hasRole(LEZER)
                        .requestMatchers("/api/registry/**").hasRole(BEHEERDER)
                        .requestMatchers(GET, "/api/**").hasRole(LEZER)
                        .requestMatchers(HEAD, "/api/**").hasRole(LEZER)
                        .requestMatchers("/api/**").hasRole(OPERATOR)
                        // pages: reading is LEZER; actions on dead letters and routering OPERATOR; beheer actions BEHEERDER
                        .requestMatchers(GET, "/beheer", "/beheer/**").hasRole(LEZER)
                        .requestMatchers("/beheer", "/beheer/**").hasRole(BEHEERDER)
                        .requestMatchers(GET, "/dead-letters", "/dead-letters/**", "/routering", "/routering/**").hasRole(LEZER)
                        .requestMatchers("/dead-letters", "/dead-letters/**", "/routering", "/routering/**").hasRole(OPERATOR)
                        // asking for a bericht's payload (with a reason) is reading: LEZER
                        .requestMatchers("/berichten/*/inzage").hasRole(LEZER)
                        .requestMatchers(GET, "/**").hasRole(LEZER)
                        .anyRequest().hasRole(OPERATOR))
                .formLogin(f -> f.loginPage("/login").successHandler(naarStartpagina()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd").permitAll())
                .httpBasic(b -> b.realmName("Knooppunt"))
                // the pages have no inline script or style: everything comes from the hub itself
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                // without credentials the API answers 401, a page sends the browser to the login page
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new NegatedRequestMatcher(api)))
                .csrf(c -> c.ignoringRequestMatchers(pad.matcher("/ws/**"))
                        .requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedRequestMatcher(new AndRequestMatcher(api, WebSecurity::basicAuth)))));
        return http.build();
    }

    /** The role (with the hierarchy) and no gemeente scope: a scoped user gets 403 on hub-wide beheer. */
    static AuthorizationManager<RequestAuthorizationContext> zonderScope(String rol, RoleHierarchy hierarchy) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> rolNodig = AuthorityAuthorizationManager.hasRole(rol);
        rolNodig.setRoleHierarchy(hierarchy);
        AuthorizationManager<RequestAuthorizationContext> geenScope = (auth, context) -> new AuthorizationDecision(
                Scope.gemeenten(auth.get()).isEmpty());
        return AuthorizationManagers.allOf(rolNodig, geenScope);
    }

    private static boolean basicAuth(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** After login: the page asked for, else the overzicht, or the reports for a contractmanager. */
    private static SavedRequestAwareAuthenticationSuccessHandler naarStartpagina() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                                org.springframework.security.core.Authentication auth) {
                boolean alleenRapporten = auth.getAuthorities().stream()
                        .allMatch(g -> g.getAuthority().equals(Rol.CONTRACTMANAGER.authority()));
                return alleenRapporten ? "/contractmanagement" : "/";
            }
        };
        return handler;
    }
}
