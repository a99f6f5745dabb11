/**
 * Camunda webapps (Tasklist, Cockpit, Admin, Welcome) as officials see them: Vietnamese
 * locales, Vietnam time, product branding. There is no Java code here: the webapps are
 * customised through their own configuration, served from
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app/}, which overrides the
 * files of the Camunda webjar on the classpath. See {@code docs/localisation.md}; the
 * translations are checked by {@code WebappTranslationsTest}.
 */
package vn.motcua.system.webapps;
