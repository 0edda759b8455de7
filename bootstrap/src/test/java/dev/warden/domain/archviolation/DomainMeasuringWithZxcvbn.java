package dev.warden.domain.archviolation;

import com.nulabinc.zxcvbn.Zxcvbn;

/** Fixture: breaks "domain depends only on java.*" and "password libraries stay in their adapter". */
public class DomainMeasuringWithZxcvbn {
    public double guesses(String password) {
        return new Zxcvbn().measure(password).getGuesses();
    }
}
