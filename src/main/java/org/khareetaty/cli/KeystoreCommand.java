package org.khareetaty.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.security.CredentialVault;
import picocli.CommandLine.Command;

/** Whether the OS keystore also keeps the credential key (ADR 0102), and removing it from there. */
@Command(name = "keystore", mixinStandardHelpOptions = true,
        description = "Show or remove the credential key kept in the OS keystore (Secret Service, Keychain, DPAPI)",
        subcommands = {KeystoreCommand.Status.class, KeystoreCommand.Forget.class, KeystoreCommand.Use.class})
final class KeystoreCommand {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Which OS keystore is used, if any")
    static final class Status extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            CredentialVault vault = session.services().vault();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("keystore", vault.keystoreName().orElse(null));
            result.put("keyInKeystore", vault.inKeystore());
            result.put("passwordProtected", vault.passwordProtected());
            result.put("turnedOff", vault.keystoreTurnedOff());
            if (json) {
                session.printJson(result);
            } else {
                session.out().println(vault.keystoreTurnedOff() ? "The OS keystore is turned off for this data folder "
                        + "('keystore forget'); only administrators' passwords open the credentials. 'keystore use' turns "
                        + "it on again." : vault.keystoreName().map(name -> "OS keystore: " + name + (vault.inKeystore()
                        ? "; it keeps the credential key for this OS account" : "; it does not keep the credential key "
                        + "yet (an administrator's sign-in stores it)")).orElse("No OS keystore is available here "
                        + "(or KHAREETATY_KEYSTORE=none): only administrators' passwords open the credentials."));
            }
            return 0;
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Remove the credential key from the OS keystore and stop using it for this data folder "
                    + "(administrators; lasts until 'keystore use'); only administrators' passwords open it afterwards")
    static final class Forget extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            boolean had = session.services().vault().forgetKeystore(session.principal(), session.services().audit());
            session.out().println((had ? "Removed the credential key from the OS keystore." : "The OS keystore held no "
                    + "credential key for this data folder.") + " It stays unused for this folder until 'keystore use'.");
            return 0;
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Use the OS keystore again after 'keystore forget' (administrators)")
    static final class Use extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            boolean stored = session.services().vault().useKeystore(session.principal(), session.services().audit());
            session.out().println(stored ? "The OS keystore keeps the credential key again." : "The OS keystore is "
                    + "allowed again; the next administrator's sign-in stores the key in it.");
            return 0;
        }
    }
}
