package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Motcua: one-stop administrative procedures on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

	public static void main(String[] args) {
		SpringApplication.run(MotcuaApplication.class, args);
	}

}
