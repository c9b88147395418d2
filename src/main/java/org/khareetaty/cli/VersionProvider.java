package org.khareetaty.cli;

import org.khareetaty.common.AppInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints the application and component versions for {@code --version}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return AppInfo.load().componentVersions().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .toArray(String[]::new);
    }
}
